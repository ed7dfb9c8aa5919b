package dev.gcm.agent;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request to the planner, tried once at each planner URL in turn (starting with the one that
 * answered last) until one answers with something other than a 5xx or 429; no sleeping here: waiting
 * between rounds is the caller's {@link Backoff}. Carries the agent's current token. Connections are kept
 * open between calls ({@link KeptAliveHttp}), so a hook's check in a run of migrations skips the connect.
 */
final class PlannerCalls implements AutoCloseable {

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
    private final KeptAliveHttp client;
    private volatile int next;

    /** @param cacert certificates (PEM) trusted besides the system's, for a planner with a private CA */
    PlannerCalls(List<URI> planners, TokenSource token, Optional<Path> cacert) {
        this.planners = List.copyOf(planners);
        this.token = token;
        // a given CA file is read now (a bad one stops the agent at start, with its reason); the system's trust
        // store only when an https planner is first opened (plain HTTP never needs it)
        Optional<javax.net.ssl.SSLContext> given = cacert.map(dev.gcm.hypervisor.tls.PemTrust::withExtraCertificates);
        this.client = new KeptAliveHttp(() -> given.orElseGet(PlannerCalls::systemTrust), Duration.ofSeconds(5));
    }

    private static javax.net.ssl.SSLContext systemTrust() {
        try {
            return javax.net.ssl.SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no TLS in this JVM", e);
        }
    }

    @Override
    public void close() {
        client.close();
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
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped while calling the planner");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                failures.add("no time left for the other planner URLs");
                break;
            }
            int at = (start + i) % planners.size();
            URI base = planners.get(at);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            token.current().ifPresent(t -> headers.put("Authorization", "Bearer " + t));
            try {
                KeptAliveHttp.Response r = client.send(base.resolve(path), method, headers,
                        jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8), Duration.ofNanos(left));
                if (r.status() < 500 && r.status() != 429) {
                    next = at;
                    return new Answer(base, r.status(), r.body());
                }
                failures.add(base + " answered " + r.status());
            } catch (IOException e) {
                failures.add(base + ": " + Failures.describe(e));
            }
        }
        next = start + 1;
        throw new UnreachableException(String.join("; ", failures));
    }
}
