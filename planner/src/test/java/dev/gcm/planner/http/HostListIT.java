package dev.gcm.planner.http;

import static dev.gcm.planner.support.TestPlanner.ADMIN;
import static dev.gcm.planner.support.TestPlanner.READER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.TestPlanner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /hosts over real HTTP: pages with continue tokens, filters, labels in the entries, clear 400s. */
class HostListIT {

    private static TestPlanner planner;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        planner = TestPlanner.start(Map.of());
        http = planner.http();
        HostRecord z14 = Fleet.record("t", "z14", 1);
        for (int i = 0; i < 12; i++) {
            String id = String.format("host-%02d", i);
            HostRecord r = new HostRecord(z14.apiVersion(), z14.kind(), id, Map.of("zone", i % 3 == 0 ? "a" : "b",
                    "rack", "r" + i % 2), z14.machine(), z14.hostModel(), z14.facilities(), z14.hypervisor(), List.of(),
                    z14.probeTime(), "test", "boot", 1);
            assertThat(http.put("/api/v1/hosts/" + id, ADMIN, Fleet.json(r)).status()).isEqualTo(200);
        }
        assertThat(http.call("POST", "/api/v1/hosts/host-04/cordon", ADMIN, null).status()).isEqualTo(200);
        assertThat(http.put("/api/v1/pools/zone-a", ADMIN, "{\"selector\": {\"zone\": \"a\"}}").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        planner.close();
    }

    private static JsonNode list(String query) {
        Http.Answer a = http.get("/api/v1/hosts" + query, READER);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void pagesWalkEveryMatchingHostOnceInIdOrder() {
        List<String> seen = new ArrayList<>();
        String query = "?limit=2&selector=" + q("rack=r1,zone notin (a)");
        JsonNode page = list(query);
        int pages = 1;
        while (true) {
            assertThat(page.path("total").asInt()).isEqualTo(4);
            page.path("hosts").forEach(h -> seen.add(h.path("hostId").asText()));
            if (!page.has("continue")) {
                break;
            }
            page = list(query + "&continue=" + q(page.path("continue").asText()));
            pages++;
        }
        assertThat(seen).containsExactly("host-01", "host-05", "host-07", "host-11");
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void filtersByPoolAndStateAndEntriesCarryLabels() {
        JsonNode zoneA = list("?pool=zone-a");
        assertThat(zoneA.path("hosts").findValuesAsText("hostId")).containsExactly("host-00", "host-03", "host-06",
                "host-09");
        assertThat(zoneA.path("hosts").get(0).path("labels").path("zone").asText()).isEqualTo("a");
        assertThat(list("?state=cordoned").path("hosts").findValuesAsText("hostId")).containsExactly("host-04");
        assertThat(list("?state=ready").path("total").asInt()).isEqualTo(11);
        assertThat(list("?state=stale,leaving").path("total").asInt()).isZero();
        JsonNode all = list("");
        assertThat(all.path("hosts")).hasSize(12);
        assertThat(all.has("continue")).isFalse();
        assertThat(http.get("/api/v1/pools", READER).json().path("pools").get(0).path("staleCount").asInt()).isZero();
    }

    @Test
    void badParametersAre400sThatSayWhy() {
        Map<String, String> bad = Map.of(
                "?selector=" + q("zone in (a"), "at character",
                "?selector=" + q("zone=a b"), "expected ',' or the end",
                "?limit=0", "limit must be",
                "?limit=many", "limit must be",
                "?state=asleep", "unknown state 'asleep'",
                "?continue=xyz", "not a token",
                "?labelSelector=zone", "unknown parameter 'labelSelector'");
        bad.forEach((query, words) -> {
            Http.Answer a = http.get("/api/v1/hosts" + query, READER);
            assertThat(a.status()).as(query).isEqualTo(400);
            assertThat(a.json().path("code").asText()).isEqualTo("INVALID_PARAMETER");
            assertThat(a.json().path("message").asText()).as(query).contains(words);
        });
        String token = list("?limit=1").path("continue").asText();
        Http.Answer other = http.get("/api/v1/hosts?limit=1&pool=zone-a&continue=" + q(token), READER);
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().path("message").asText()).contains("other filters");
        assertThat(http.get("/api/v1/hosts?pool=nope", READER).status()).isEqualTo(404);
    }
}
