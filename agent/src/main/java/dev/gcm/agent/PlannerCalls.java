package dev.gcm.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One request to the planner, tried once at each planner URL in turn (starting with the one that
 * answered last) until one answers with something other than a 5xx or 429; no sleeping here: waiting
 * between rounds is the caller's {@link Backoff}. Carries the agent's current token.
 */
final class PlannerCalls {

    /** A planner's answer. */
    record Answer(URI planner, int status, String body) {
    }

    /** No planner gave an answer; the message says what failed at each. */
    static final class UnreachableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreachableException(String message) {
            super(message);
        }
    }

    private final List<URI> planners;
    private final TokenSource token;
    private final HttpClient client;
    private volatile int next;

    /** @param cacert certificates (PEM) trusted besides the system's, for a planner with a private CA */
    PlannerCalls(List<URI> planners, TokenSource token, Optional<Path> cacert) {
        this.planners = List.copyOf(planners);
        this.token = token;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        cacert.ifPresent(pem -> b.sslContext(dev.gcm.hypervisor.tls.PemTrust.withExtraCertificates(pem)));
        this.client = b.build();
    }

    /** The token this agent sends now. */
    Optional<String> token() {
        return token.current();
    }

    Answer send(String method, String path, String jsonBody, Duration timeout)
            throws UnreachableException, InterruptedException {
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        int start = next;
        for (int i = 0; i < planners.size(); i++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                failures.add("no time left for the other planner URLs");
                break;
            }
            int at = (start + i) % planners.size();
            URI base = planners.get(at);
            HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofNanos(left))
                    .header("content-type", "application/json")
                    .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(jsonBody));
            token.current().ifPresent(t -> req.header("Authorization", "Bearer " + t));
            try {
                HttpResponse<String> r = client.send(req.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() < 500 && r.statusCode() != 429) {
                    next = at;
                    return new Answer(base, r.statusCode(), r.body());
                }
                failures.add(base + " answered " + r.statusCode());
            } catch (IOException e) {
                failures.add(base + ": " + Failures.describe(e));
            }
        }
        next = start + 1;
        throw new UnreachableException(String.join("; ", failures));
    }
}
