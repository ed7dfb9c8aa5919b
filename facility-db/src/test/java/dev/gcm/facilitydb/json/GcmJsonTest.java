package dev.gcm.facilitydb.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.gcm.GcmLimits;
import dev.gcm.facilitydb.testing.SeededModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GcmJsonTest {

    private static final long SEED = SeededModels.seed();

    @Test
    void limitsWrittenAsTheyGoAreTheSameTextAsTheTree() throws Exception {
        Random random = new Random(SEED);
        List<String> names = List.of("vx", "te", "cte", "csske", "bpb", "kma-gcm-aes-256");
        for (int round = 0; round < 50; round++) {
            List<GcmLimits.Limit> limits = new ArrayList<>();
            for (int i = random.nextInt(20); i > 0; i--) {
                List<String> removes = names.subList(0, random.nextInt(names.size()));
                limits.add(new GcmLimits.Limit("h" + i, removes, removes.subList(0, removes.size() / 2),
                        random.nextBoolean(), random.nextBoolean(), random.nextBoolean() ? "z14" : "gen15a"));
            }
            ObjectNode tree = JsonNodeFactory.instance.objectNode().put("before", 1);
            tree.set("limitedBy", GcmJson.limits(limits));
            tree.put("after", 2);
            ObjectNode written = JsonNodeFactory.instance.objectNode().put("before", 1);
            written.putPOJO("limitedBy", GcmJson.limitsAsWritten(limits));
            written.put("after", 2);
            for (boolean indent : new boolean[] {false, true}) {
                ObjectMapper mapper = CpuModelInfoJson.mapper().copy().configure(SerializationFeature.INDENT_OUTPUT, indent);
                assertThat(mapper.writeValueAsString(written)).as("seed " + SEED + " (replay: -Dgcm.seed=" + SEED + ")")
                        .isEqualTo(mapper.writeValueAsString(tree));
            }
        }
    }
}
