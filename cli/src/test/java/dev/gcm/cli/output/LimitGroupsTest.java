package dev.gcm.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.gcm.GcmLimits;
import dev.gcm.facilitydb.json.GcmJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
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

    @Test
    void theGroupsOfRandomLimitsAreTheSameFromTheApiAndFromFacilityDbAndAsEachFeatureCountedAlone() {
        long seed = Long.getLong("gcm.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> features = List.of("vx", "te", "cte", "csske", "bpb", "kma-gcm-aes-256", "vxeh2", "nnpa");
        for (int round = 0; round < 200; round++) {
            List<List<String>> lists = new ArrayList<>();
            for (int k = 1 + random.nextInt(5); k > 0; k--) {
                List<String> removes = new ArrayList<>(features);
                Collections.shuffle(removes, random);
                lists.add(List.copyOf(removes.subList(0, random.nextInt(4))));
            }
            List<GcmLimits.Limit> limits = new ArrayList<>();
            for (int i = random.nextInt(40); i > 0; i--) {
                limits.add(new GcmLimits.Limit("h" + random.nextInt(1000), lists.get(random.nextInt(lists.size())),
                        List.of(), random.nextInt(4) == 0, random.nextInt(6) == 0, random.nextBoolean() ? "z13" : "z14"));
            }
            ArrayNode api = GcmJson.limits(limits);
            String context = "seed " + seed + " (replay: -Dgcm.seed=" + seed + "), round " + round;
            assertThat(LimitGroups.of(limits)).as(context).isEqualTo(LimitGroups.of(api)).isEqualTo(oneByOne(api));
        }
    }

    /** The grouping said plainly: each feature's hosts, and the features whose hosts are the same together. */
    private static List<LimitGroups.Group> oneByOne(JsonNode limitedBy) {
        Map<String, TreeSet<String>> generation = new LinkedHashMap<>();
        TreeSet<String> ibc = new TreeSet<>();
        Map<String, TreeSet<String>> byFeature = new LinkedHashMap<>();
        for (JsonNode l : limitedBy) {
            String host = l.path("host").asText();
            if (l.path("capsGeneration").asBoolean()) {
                generation.computeIfAbsent(l.path("definition").asText(), d -> new TreeSet<>()).add(host);
            }
            if (l.path("capsIbc").asBoolean()) {
                ibc.add(host);
            }
            l.path("removes").forEach(f -> byFeature.computeIfAbsent(f.asText(), x -> new TreeSet<>()).add(host));
        }
        List<LimitGroups.Group> groups = new ArrayList<>();
        generation.forEach((d, hosts) -> groups.add(new LimitGroups.Group(LimitGroups.Cause.GENERATION, d,
                List.copyOf(hosts))));
        if (!ibc.isEmpty()) {
            groups.add(new LimitGroups.Group(LimitGroups.Cause.IBC, "", List.copyOf(ibc)));
        }
        Map<List<String>, List<String>> featuresByHosts = new LinkedHashMap<>();
        byFeature.forEach((f, hosts) -> featuresByHosts.computeIfAbsent(List.copyOf(hosts), h -> new ArrayList<>()).add(f));
        List<LimitGroups.Group> lacks = new ArrayList<>();
        featuresByHosts.forEach((hosts, fs) -> lacks.add(new LimitGroups.Group(LimitGroups.Cause.FEATURES,
                String.join(", ", fs), hosts)));
        lacks.sort(Comparator.comparingInt((LimitGroups.Group g) -> -g.hosts().size()).thenComparing(LimitGroups.Group::detail));
        groups.addAll(lacks);
        return groups;
    }
}
