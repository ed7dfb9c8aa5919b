package dev.gcm.planner.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A small HTTP client for tests: method, path, token, body; answers status and JSON. */
public final class Http {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(int port) {
        this("127.0.0.1", port);
    }

    public Http(String host, int port) {
        this.base = "http://" + host + ":" + port;
    }

    /** One answer; {@code headers} by lowercase name (empty when the server could not be reached). */
    public record Answer(int status, String body, Map<String, List<String>> headers) {

        public Answer(int status, String body) {
            this(status, body, Map.of());
        }

        /** The first value of a header, or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** One request; status -1 when the server cannot be reached. */
    public Answer call(String method, String path, String token, String body) {
        return call(method, path, token, body, body == null ? null : "application/json");
    }

    /** One request with the given Content-Type (none when null); status -1 when the server cannot be reached. */
    public Answer call(String method, String path, String token, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("content-type", contentType);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> headers = new TreeMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            return new Answer(r.statusCode(), r.body(), headers);
        } catch (IOException e) {
            return new Answer(-1, e.toString()); // not reachable (a killed member, say): status -1
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return base;
    }

    public Answer get(String path, String token) {
        return call("GET", path, token, null);
    }

    public Answer post(String path, String token, String body) {
        return call("POST", path, token, body);
    }

    public Answer put(String path, String token, String body) {
        return call("PUT", path, token, body);
    }
}
