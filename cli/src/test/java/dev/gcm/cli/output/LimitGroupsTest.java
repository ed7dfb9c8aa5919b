package dev.gcm.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitGroupsTest {

    private static ObjectNode limit(ArrayNode list, String host, String definition, boolean gen, boolean ibc,
                                    String... removes) {
        ObjectNode l = list.addObject().put("host", host).put("definition", definition).put("capsGeneration", gen)
                .put("capsIbc", ibc);
        ArrayNode r = l.putArray("removes");
        for (String f : removes) {
            r.add(f);
        }
        return l;
    }

    @Test
    void hostsAreGroupedByCauseAndFeaturesLackedByTheSameHostsShareAGroup() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        limit(list, "zvm-02", "gen15a", false, false, "te", "cte");
        limit(list, "lpar-08", "z13", true, true);
        limit(list, "zvm-05", "z14", false, false, "te", "cte", "kma-gcm-aes-256");
        List<LimitGroups.Group> groups = LimitGroups.of(list);
        assertThat(groups).extracting(LimitGroups.Group::what).containsExactly(
                "1 host caps the generation (z13)", "1 host caps the IBC (its unblocked level is the lowest)",
                "2 hosts lack te, cte", "1 host lacks kma-gcm-aes-256");
        assertThat(groups.get(2).hosts()).containsExactly("zvm-02", "zvm-05");
    }

    @Test
    void manyHostsAreCountedAndTheirNamesCutShortUnlessAllAreAskedFor() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (int i = 1; i <= 1203; i++) {
            limit(list, String.format("h%04d", i), "gen15a", false, false, "vxeh2");
        }
        LimitGroups.Group g = LimitGroups.of(list).get(0);
        assertThat(g.sentence(3)).isEqualTo("1,203 hosts lack vxeh2: h0001, h0002, h0003 and 1,200 more");
        assertThat(g.sentence(Integer.MAX_VALUE)).contains("h1203").doesNotContain("more");
    }
}
