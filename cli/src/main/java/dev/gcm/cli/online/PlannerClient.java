package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcm.hypervisor.tls.PemTrust;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;

/**
 * The planner's API over HTTP(S). Tries the planner URLs in turn: a member that cannot be reached, times
 * out or answers 503 (no quorum) is skipped; the first answer from a healthy member counts, and that
 * member is asked first next time. An error answer (4xx) is the planner's word and is not retried.
 */
public final class PlannerClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api/v1";

    /** Connection settings; {@code token} may be null (an insecure planner such as the demo's). */
    public record Settings(List<String> planners, String token, Duration timeout, Path cacert) {
        public Settings {
            if (planners.isEmpty()) {
                throw new IllegalArgumentException("no planner URL given");
            }
            planners.forEach(Settings::check);
        }

        /** A planner URL: http:// or https://, a host, an optional port; nothing else, in words when it is not. */
        static void check(String url) {
            if (!url.matches("(?i)https?://.*")) {
                String hint = url.contains("://") ? "" : " (did you mean http://" + url + " or https://" + url + "?)";
                throw new IllegalArgumentException("planner URL must start with http:// or https://, got '" + url + "'"
                        + hint);
            }
            URI u;
            try {
                u = new URI(url);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("planner URL '" + url + "' is not a URL: " + e.getReason());
            }
            if (u.getHost() == null) {
                throw new IllegalArgumentException("planner URL '" + url + "' names no host, e.g. http://127.0.0.1:8080");
            }
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private int preferred;

    public PlannerClient(Settings settings) {
        this.settings = settings;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(settings.timeout());
        if (settings.cacert() != null) {
            try {
                b.sslContext(PemTrust.withExtraCertificates(settings.cacert()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--cacert: " + e.getMessage());
            }
        }
        this.http = b.build();
    }

    public JsonNode get(String path) {
        return call("GET", path, null);
    }

    public JsonNode post(String path, JsonNode body) {
        return call("POST", path, body);
    }

    public JsonNode put(String path, JsonNode body) {
        return call("PUT", path, body);
    }

    public JsonNode delete(String path) {
        return call("DELETE", path, null);
    }

    /** One JSON request, tried on each planner in turn. */
    JsonNode call(String method, String path, JsonNode body) {
        HttpResponse<String> r = send(method, path, body, HttpResponse.BodyHandlers.ofString(), true);
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new PlannerUnreachableException("the planner at " + r.uri() + " did not answer JSON");
        }
    }

    /**
     * Follows the server-sent {@code change} events until {@code onEvent} returns false; reconnects to
     * the next planner when a stream ends. Returns normally only when {@code onEvent} says stop.
     */
    public void follow(Predicate<JsonNode> onEvent) {
        while (true) {
            HttpResponse<Stream<String>> r = send("GET", "/events", null, HttpResponse.BodyHandlers.ofLines(), false);
            try (Stream<String> lines = r.body()) {
                String event = null;
                for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                    String line = it.next();
                    if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ") && "change".equals(event)) {
                        if (!onEvent.test(JSON.readTree(line.substring(6)))) {
                            return;
                        }
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // the member went away: try again, the next member first
            }
            preferred = (preferred + 1) % settings.planners().size();
        }
    }

    private <T> HttpResponse<T> send(String method, String path, JsonNode body, HttpResponse.BodyHandler<T> handler,
                                     boolean withTimeout) {
        List<String> failures = new ArrayList<>();
        int n = settings.planners().size();
        for (int i = 0; i < n; i++) {
            int which = (preferred + i) % n;
            String base = settings.planners().get(which).replaceAll("/+$", "");
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + API + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body.toString()))
                    .header("accept", "application/json");
            if (withTimeout) {
                b.timeout(settings.timeout());
            }
            if (body != null) {
                b.header("content-type", "application/json");
            }
            if (settings.token() != null) {
                b.header("authorization", "Bearer " + settings.token());
            }
            try {
                HttpResponse<T> r = http.send(b.build(), handler);
                if (r.statusCode() == 503) {
                    failures.add(base + ": unavailable (" + errorOf(r).getMessage() + ")");
                    continue;
                }
                if (r.statusCode() >= 400) {
                    throw errorOf(r);
                }
                preferred = which;
                return r;
            } catch (HttpTimeoutException e) {
                failures.add(base + ": no answer within " + settings.timeout().toMillis() + " ms");
            } catch (ConnectException e) {
                failures.add(base + ": connection refused");
            } catch (SSLException e) {
                failures.add(base + ": TLS failed (" + e.getMessage() + "); see --cacert");
            } catch (IOException e) {
                failures.add(base + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad request path " + path + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlannerUnreachableException("interrupted");
            }
        }
        throw new PlannerUnreachableException("no planner answered: " + String.join("; ", failures));
    }

    private static PlannerErrorException errorOf(HttpResponse<?> r) {
        Object body = r.body();
        String text = body instanceof String s ? s : "";
        if (body instanceof Stream<?> lines) {
            text = String.join("\n", lines.map(Object::toString).toList());
        }
        String code = "HTTP_" + r.statusCode();
        String message = "the planner answered HTTP " + r.statusCode();
        try {
            JsonNode n = JSON.readTree(text);
            code = n.path("code").asText(code);
            message = n.path("message").asText(message);
        } catch (IOException e) {
            // not an API error body; keep the status
        }
        return new PlannerErrorException(r.statusCode(), code, message);
    }
}
