package dev.gcm.planner.http;

import static dev.gcm.planner.support.TestPlanner.ADMIN;
import static dev.gcm.planner.support.TestPlanner.GATE;
import static dev.gcm.planner.support.TestPlanner.READER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.TestPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What-if answers that explain: the limits after, each guest's reasons (the gate's, per kind of host that would
 * refuse it) and the removed hosts that would have taken it; hosts added like an existing host or as a KVM host of a
 * definition presents it.
 */
class WhatIfExplainsIT {

    private static TestPlanner planner;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        planner = TestPlanner.start(Map.of());
        http = planner.http();
        List<HostRecord> fleet = new ArrayList<>(Fleet.threeHosts());
        fleet.set(0, Fleet.record("h1", "z14", List.of(), Map.of("zone", "a"), 1,
                List.of(Fleet.guest("web1", "z13-base", Map.of("csske", false)), Fleet.guest("db1", "z14"))));
        for (HostRecord r : fleet) {
            assertThat(http.put("/api/v1/hosts/" + r.hostId(), ADMIN, Fleet.json(r)).status()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        planner.close();
    }

    private static JsonNode whatIf(String body) {
        Http.Answer a = http.post("/api/v1/pools/default/what-if", GATE, body);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private static JsonNode guest(JsonNode list, String name) {
        for (JsonNode g : list) {
            if (g.path("guest").asText().equals(name)) {
                return g;
            }
        }
        throw new AssertionError(name + " not in " + list);
    }

    @Test
    void theAfterCarriesItsLimitsAsThePoolsGcmDoes() {
        JsonNode w = whatIf("{\"remove\": [\"h2\"]}");
        JsonNode limits = w.path("after").path("limitedBy");
        assertThat(limits.findValuesAsText("host")).contains("h3");
        // with nothing changed the after is explained exactly as the pool's own GCM
        JsonNode same = whatIf("{\"remove\": []}");
        assertThat(same.path("after").path("limitedBy"))
                .isEqualTo(http.get("/api/v1/pools/default/gcm", READER).json().path("limitedBy"));
    }

    @Test
    void aGuestLosingItsPlaceSaysWhyAndWhichRemovedHostsWouldHaveTakenIt() {
        JsonNode w = whatIf("{\"remove\": [\"h2\", \"h3\"], \"add\": [{\"id\": \"old\", \"definition\": \"z196\"}]}");
        JsonNode web1 = guest(w.path("guestsLosingTheirLastTarget"), "web1");
        assertThat(web1.path("removedTargets").findValuesAsText("")).isEmpty();
        assertThat(web1.path("removedTargets").toString()).contains("h2", "h3");
        assertThat(web1.path("refusedBy").get(0).path("hosts").get(0).asText()).isEqualTo("old");
        assertThat(web1.path("reasons").findValuesAsText("code")).contains("MODEL_TOO_NEW");
        assertThat(web1.path("reasons").get(0).path("message").asText()).contains("'old'");
        JsonNode db1 = guest(w.path("guestsThatCannotRunOnAddedHosts"), "db1");
        assertThat(db1.path("addedHost").asText()).isEqualTo("old");
        assertThat(db1.path("reasons").findValuesAsText("code")).contains("MODEL_TOO_NEW");
    }

    @Test
    void aHostLikeAnotherIsACopyOfItsModelAndIbcRange() {
        JsonNode w = whatIf("{\"add\": [{\"id\": \"copy\", \"like\": \"h3\"}]}");
        JsonNode added = w.path("added").get(0);
        assertThat(added.path("definition").asText()).isEqualTo("z13");
        assertThat(added.path("ibcLowest").asText()).isEqualTo("0x021");
        assertThat(added.path("origin").asText()).isEqualTo("like h3");
        assertThat(w.path("after").path("features")).isEqualTo(w.path("before").path("features"));
        JsonNode db1 = guest(w.path("guestsThatCannotRunOnAddedHosts"), "db1");
        assertThat(db1.path("reasons").findValuesAsText("code")).contains("MODEL_TOO_NEW");
    }

    @Test
    void aDefinitionIsAddedAsAKvmHostOfThatMachinePresentsItNotAsQemusNamedModel() {
        String keepH2 = "\"remove\": [\"h1\", \"h3\"]";
        JsonNode asHost = whatIf("{" + keepH2 + ", \"add\": [{\"id\": \"z16\", \"definition\": \"gen16a\"}]}");
        JsonNode named = whatIf("{" + keepH2 + ", \"add\": [{\"id\": \"z16\", \"model\": {\"name\": \"gen16a\"}}]}");
        assertThat(asHost.path("added").get(0).path("features").asInt())
                .isGreaterThan(named.path("added").get(0).path("features").asInt());
        // a z16 host offers everything the gen15a host does: adding it leaves that host's GCM as it was
        JsonNode alone = whatIf("{" + keepH2 + "}");
        assertThat(asHost.path("after").path("features")).isEqualTo(alone.path("after").path("features"));
        assertThat(named.path("after").path("features").size())
                .isLessThanOrEqualTo(asHost.path("after").path("features").size());
    }

    @Test
    void unknownHostsAndDefinitionsAre400s() {
        Http.Answer like = http.post("/api/v1/pools/default/what-if", GATE, "{\"add\": [{\"like\": \"nope\"}]}");
        assertThat(like.status()).isEqualTo(400);
        assertThat(like.json().path("field").asText()).isEqualTo("$.add[0].like");
        Http.Answer def = http.post("/api/v1/pools/default/what-if", GATE, "{\"add\": [{\"definition\": \"z99\"}]}");
        assertThat(def.status()).isEqualTo(400);
        assertThat(def.json().path("code").asText()).isEqualTo("INVALID_MODEL");
        assertThat(http.post("/api/v1/pools/default/what-if", GATE, "{\"add\": [{\"like\": \"h1\", \"definition\": \"z14\"}]}")
                .status()).isEqualTo(400);
    }
}
