package dev.gcm.planner.http;

import static dev.gcm.planner.support.TestPlanner.ADMIN;
import static dev.gcm.planner.support.TestPlanner.AGENT_H1;
import static dev.gcm.planner.support.TestPlanner.AGENT_H2;
import static dev.gcm.planner.support.TestPlanner.READER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.TestPlanner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An agent asks the gate about an incoming migration to its own host (its libvirt hook does): allowed
 * for its own host only, and the decision log keeps the guest's UUID, machine type and who asked.
 */
class AgentMigrationCheckIT {

    private static final String UUID = "5b1e0c3a-0000-4000-8000-000000005390";
    private static TestPlanner planner;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        planner = TestPlanner.start(Map.of());
        http = planner.http();
        http.put("/api/v1/hosts/h1", AGENT_H1, Fleet.json(Fleet.record("h1", "z14", List.of(), Map.of(), 1, List.of())));
        http.put("/api/v1/hosts/h2", AGENT_H2, Fleet.json(Fleet.record("h2", "z14", List.of(), Map.of(), 1, List.of())));
    }

    @AfterAll
    static void stop() {
        planner.close();
    }

    private static String body(String target, String extraGuest, String extra) {
        return "{\"guest\": {\"name\": \"web1\", \"model\": {\"name\": \"z13\"}" + extraGuest + "}, \"target\": \""
                + target + "\"" + extra + "}";
    }

    @Test
    void anAgentMayAskOnlyAboutItsOwnHost() {
        assertThat(http.post("/api/v1/migrations/check", AGENT_H1, body("h1", "", "")).status()).isEqualTo(200);
        Http.Answer other = http.post("/api/v1/migrations/check", AGENT_H1, body("h2", "", ""));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(other.body()).contains("its own host");
        // agents still read nothing and plan nothing
        assertThat(http.get("/api/v1/decisions", AGENT_H1).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/plans/evacuate", AGENT_H1, "{\"host\": \"h1\"}").status()).isEqualTo(403);
    }

    @Test
    void theDecisionLogShowsTheGuestItsUuidTheTargetAndWhoAsked() {
        Http.Answer a = http.post("/api/v1/migrations/check", AGENT_H2, body("h2",
                ", \"uuid\": \"" + UUID + "\", \"machineType\": \"s390-ccw-virtio-7.2\"", ", \"requestedBy\": \"libvirt-hook\""));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        String id = a.json().path("decisionId").asText();
        JsonNode entry = null;
        for (JsonNode d : http.get("/api/v1/decisions?limit=1000", READER).json().path("decisions")) {
            if (d.path("decisionId").asText().equals(id)) {
                entry = d;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.path("guest").asText()).isEqualTo("web1");
        assertThat(entry.path("guestUuid").asText()).isEqualTo(UUID);
        assertThat(entry.path("machineType").asText()).isEqualTo("s390-ccw-virtio-7.2");
        assertThat(entry.path("target").asText()).isEqualTo("h2");
        assertThat(entry.path("requestedBy").asText()).isEqualTo("libvirt-hook");
    }

    @Test
    void malformedOptionalFieldsAreRefusedAndNothingIsLogged() {
        int before = http.get("/api/v1/decisions?limit=1000", ADMIN).json().path("decisions").size();
        for (String bad : List.of(body("h1", ", \"uuid\": \"not-a-uuid\"", ""),
                body("h1", ", \"machineType\": \"S390 CCW\\u0007\"", ""),
                body("h1", "", ", \"requestedBy\": 42"),
                body("h1", "", ", \"requestedBy\": \"" + "x".repeat(40) + "\""))) {
            Http.Answer a = http.post("/api/v1/migrations/check", AGENT_H1, bad);
            assertThat(a.status()).as(bad).isEqualTo(400);
            assertThat(a.json().path("field").asText()).startsWith("$.");
        }
        assertThat(http.get("/api/v1/decisions?limit=1000", ADMIN).json().path("decisions").size()).isEqualTo(before);
    }
}
