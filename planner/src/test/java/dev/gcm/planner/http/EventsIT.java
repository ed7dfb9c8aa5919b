package dev.gcm.planner.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.TestPlanner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** /api/v1/events: a change event on connecting and one after the index changes, with the new GCM. */
class EventsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void streamsTheGcmOfEveryPoolAsItChanges() throws Exception {
        try (TestPlanner p = TestPlanner.start(Map.of())) {
            assertThat(p.http().put("/api/v1/hosts/h1", TestPlanner.AGENT_H1,
                    Fleet.json(Fleet.record("h1", "gen15a", 1))).status()).isEqualTo(200);
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create(p.http() + "/api/v1/events"))
                    .header("Authorization", "Bearer " + TestPlanner.READER).build();
            assertThat(client.send(HttpRequest.newBuilder(URI.create(p.http() + "/api/v1/events")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("text/event-stream"));
            Iterator<String> lines = response.body().iterator();

            JsonNode first = nextEvent(lines);
            JsonNode pool = first.path("pools").get(0);
            assertThat(pool.path("pool").asText()).isEqualTo("default");
            assertThat(pool.path("hostCount").asInt()).isEqualTo(1);
            assertThat(pool.path("gcm").asText()).isEqualTo("gen15a");

            assertThat(p.http().put("/api/v1/hosts/h2", TestPlanner.AGENT_H2,
                    Fleet.json(Fleet.record("h2", "z13", 1))).status()).isEqualTo(200);
            JsonNode second = nextEvent(lines);
            assertThat(second.path("version").asLong()).isGreaterThan(first.path("version").asLong());
            JsonNode after = second.path("pools").get(0);
            assertThat(after.path("hostCount").asInt()).isEqualTo(2);
            assertThat(after.path("gcm").asText()).isEqualTo("z13");
            assertThat(after.path("featureCount").asInt()).isLessThan(pool.path("featureCount").asInt());
            response.body().close();
        }
    }

    /** The data of the next {@code change} event, waiting at most 10 s. */
    private static JsonNode nextEvent(Iterator<String> lines) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            String event = null;
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ") && "change".equals(event)) {
                    try {
                        return JSON.readTree(line.substring(6));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            throw new IllegalStateException("the stream ended");
        }).get(10, TimeUnit.SECONDS);
    }
}
