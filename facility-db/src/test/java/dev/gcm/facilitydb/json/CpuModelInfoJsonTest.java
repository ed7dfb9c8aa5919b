package dev.gcm.facilitydb.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuModelInfoJsonTest {

    private static JsonNode json(String text) throws Exception {
        return CpuModelInfoJson.mapper().readTree(text);
    }

    @Test
    void readsAndWritesQemusShape() throws Exception {
        CpuModelInfo info = CpuModelInfoJson.read(json("{\"name\":\"z14\",\"props\":{\"vx\":false}}"), "$");
        assertThat(info).isEqualTo(new CpuModelInfo("z14", Map.of("vx", false)));
        assertThat(CpuModelInfoJson.write(info).toString()).isEqualTo("{\"name\":\"z14\",\"props\":{\"vx\":false}}");
        assertThat(info.toCpuArgument()).isEqualTo("z14,vx=off");
    }

    @Test
    void namesTheFieldAtFault() throws Exception {
        assertThatThrownBy(() -> CpuModelInfoJson.read(json("{\"props\":{}}"), "$"))
                .hasMessageStartingWith("$.name:");
        assertThatThrownBy(() -> CpuModelInfoJson.readArray(json("[{\"name\":\"z14\",\"props\":{\"vx\":1}}]")))
                .isInstanceOf(InvalidJsonException.class).hasMessageStartingWith("$[0].props.vx: expected true or false");
        assertThatThrownBy(() -> CpuModelInfoJson.read(json("{\"name\":\"z14\",\"extra\":1}"), "$"))
                .hasMessageStartingWith("$.extra:");
        assertThatThrownBy(() -> CpuModelInfoJson.readArray(json("{}"))).hasMessageContaining("array");
    }

    @Test
    void writesTheSameStraightToAGeneratorAsThroughATree() throws Exception {
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        String[] names = {"z14", "gen16a-base", "a\"quote", "tab\there", "\u00e9t\u00e9", "\u202eleft"};
        for (int i = 0; i < 200; i++) {
            Map<String, Boolean> props = new java.util.LinkedHashMap<>();
            for (int p = random.nextInt(6); p > 0; p--) {
                props.put(names[random.nextInt(names.length)] + random.nextInt(50), random.nextBoolean());
            }
            CpuModelInfo info = new CpuModelInfo(names[random.nextInt(names.length)], props);
            java.io.StringWriter out = new java.io.StringWriter();
            try (com.fasterxml.jackson.core.JsonGenerator g = CpuModelInfoJson.mapper().getFactory().createGenerator(out)) {
                CpuModelInfoJson.write(info, g);
            }
            assertThat(out.toString()).as("seed %d, case %d", seed, i)
                    .isEqualTo(CpuModelInfoJson.mapper().writeValueAsString(CpuModelInfoJson.write(info)));
        }
    }
}
