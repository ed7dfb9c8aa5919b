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
}
