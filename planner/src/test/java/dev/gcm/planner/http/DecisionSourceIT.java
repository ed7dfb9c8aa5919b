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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MigrationDecision.source from the planner's records, in the check's answer and in the decision log. */
class DecisionSourceIT {

    private static TestPlanner planner;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        planner = TestPlanner.start(Map.of());
        http = planner.http();
        for (HostRecord r : List.of(
                Fleet.record("h1", "z14", List.of(), Map.of(), 1, List.of(Fleet.guest("web1", "z13-base"),
                        Fleet.guest("twin", "z13-base"))),
                Fleet.record("h2", "z14", List.of(), Map.of(), 1, List.of(Fleet.guest("twin", "z13-base"))),
                Fleet.record("h3", "z14", 1))) {
            assertThat(http.put("/api/v1/hosts/" + r.hostId(), ADMIN, Fleet.json(r)).status()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        planner.close();
    }

    private static JsonNode check(String guest) {
        Http.Answer a = http.post("/api/v1/migrations/check", GATE, "{\"guest\": " + guest + ", \"target\": \"h3\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    /** The logged decision of an answer. */
    private static JsonNode logged(JsonNode answer) {
        for (JsonNode d : http.get("/api/v1/decisions?limit=100", READER).json().path("decisions")) {
            if (d.path("decisionId").asText().equals(answer.path("decisionId").asText())) {
                return d;
            }
        }
        throw new AssertionError("not logged: " + answer);
    }

    @Test
    void aGuestNamedWithItsModelHasTheSourceThatAloneReportsIt() {
        JsonNode a = check("{\"name\": \"web1\", \"model\": {\"name\": \"z13-base\"}}");
        assertThat(a.path("source").asText()).isEqualTo("h1");
        assertThat(logged(a).path("source").asText()).isEqualTo("h1");
    }

    @Test
    void aGuestNamedWithoutItsModelHasTheSourceFound() {
        JsonNode a = check("{\"name\": \"web1\"}");
        assertThat(a.path("source").asText()).isEqualTo("h1");
        assertThat(logged(a).path("source").asText()).isEqualTo("h1");
    }

    @Test
    void aNameTwoHostsReportOrNoneReportsHasNoSourceUnlessGiven() {
        JsonNode twin = check("{\"name\": \"twin\", \"model\": {\"name\": \"z13-base\"}}");
        assertThat(twin.has("source")).isFalse();
        assertThat(logged(twin).has("source")).isFalse();
        assertThat(check("{\"name\": \"nobody\", \"model\": {\"name\": \"z13-base\"}}").has("source")).isFalse();
        assertThat(check("{\"model\": {\"name\": \"z13-base\"}}").has("source")).isFalse();
        Http.Answer given = http.post("/api/v1/migrations/check", GATE,
                "{\"guest\": {\"name\": \"twin\", \"model\": {\"name\": \"z13-base\"}}, \"target\": \"h3\", \"source\": \"h2\"}");
        assertThat(given.json().path("source").asText()).isEqualTo("h2");
    }

    @Test
    void theSourceFollowsTheGuestWhenItMoves() throws Exception {
        HostRecord moved = Fleet.record("h3", "z14", List.of(), Map.of(), 2, List.of(Fleet.guest("solo", "z13-base")));
        assertThat(http.put("/api/v1/hosts/h3", ADMIN, Fleet.json(moved)).status()).isEqualTo(200);
        Http.Answer a = http.post("/api/v1/migrations/check", GATE,
                "{\"guest\": {\"name\": \"solo\", \"model\": {\"name\": \"z13-base\"}}, \"target\": \"h1\"}");
        assertThat(a.json().path("source").asText()).isEqualTo("h3");
        HostRecord gone = Fleet.record("h3", "z14", List.of(), Map.of(), 3, List.of());
        assertThat(http.put("/api/v1/hosts/h3", ADMIN, Fleet.json(gone)).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/migrations/check", GATE,
                "{\"guest\": {\"name\": \"solo\", \"model\": {\"name\": \"z13-base\"}}, \"target\": \"h1\"}").json()
                .has("source")).isFalse();
    }
}
