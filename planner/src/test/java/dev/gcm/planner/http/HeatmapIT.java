package dev.gcm.planner.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordValidator;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.TestPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /pools/{name}/heatmap and /catalog against the same records resolved offline. */
class HeatmapIT {

    @Test
    void listsExactlyTheFeaturesThatSplitThePoolAndGroupsAlikeHosts() throws Exception {
        List<HostRecord> records = List.of(Fleet.record("h1", "z14", 1), Fleet.record("h2", "z14", 1),
                Fleet.record("h3", "gen15a", List.of("vxeh2"), Map.of(), 1, List.of()),
                Fleet.record("h4", "z13", List.of("te"), Map.of(), 1, List.of()));
        try (TestPlanner p = TestPlanner.start(Map.of())) {
            for (HostRecord r : records) {
                assertThat(p.http().put("/api/v1/hosts/" + r.hostId(), TestPlanner.ADMIN, Fleet.json(r)).status())
                        .isEqualTo(200);
            }
            JsonNode h = p.http().get("/api/v1/pools/default/heatmap", TestPlanner.READER).json();
            HostRecordValidator validator = new HostRecordValidator(Fleet.CATALOG);
            List<FeatureSet> sets = new ArrayList<>();
            for (HostRecord r : records) {
                sets.add(validator.validate(r).hostModel().features());
            }
            FeatureSet all = sets.get(0);
            FeatureSet any = sets.get(0);
            for (FeatureSet s : sets) {
                all = all.and(s);
                any = any.or(s);
            }
            List<String> expected = Fleet.CATALOG.names(any.andNot(all));
            assertThat(h.path("features").findValuesAsText("name")).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(h.path("commonCount").asInt()).isEqualTo(all.size());
            assertThat(h.path("rows")).hasSize(3); // h1 and h2 are alike
            for (JsonNode f : h.path("features")) {
                int index = Fleet.CATALOG.feature(f.path("name").asText()).orElseThrow().index();
                long offering = sets.stream().filter(s -> s.contains(index)).count();
                assertThat(f.path("hostCount").asLong()).as(f.path("name").asText()).isEqualTo(offering);
                assertThat(f.path("description").asText()).isNotEmpty();
            }
            JsonNode catalog = p.http().get("/api/v1/catalog", TestPlanner.READER).json();
            assertThat(catalog.path("definitions")).hasSize(Fleet.CATALOG.definitions().size());
            assertThat(catalog.path("features")).hasSize(Fleet.CATALOG.features().size());
            assertThat(p.http().get("/api/v1/pools/nope/heatmap", TestPlanner.READER).status()).isEqualTo(404);
            assertThat(p.http().get("/api/v1/pools/default/heatmap", null).status()).isEqualTo(401);
        }
    }
}
