package dev.gcm.agent;

import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends this host's record to the planner: tries the planner URLs in turn; on a connection failure or a
 * 5xx it backs off exponentially with jitter and tries again (the caller always hands it the newest
 * record); a 4xx is reported with the planner's message and not retried.
 */
final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    /** How a publication ended. */
    enum Outcome { STORED, STALE, REFUSED, UNREACHABLE }

    /**
     * The outcome and, for a refusal, the planner's message; for a stale report, the seq the planner
     * last accepted for this host (-1 if it did not say).
     */
    record Result(Outcome outcome, String message, long lastAcceptedSeq) {
        Result(Outcome outcome, String message) {
            this(outcome, message, -1);
        }
    }

    private final List<URI> planners;
    private final Optional<String> token;
    private final HttpClient client;
    private final Duration timeout;
    private final Duration maxBackoff;
    private int next;

    Publisher(List<URI> planners, Optional<String> token, Duration timeout, Duration maxBackoff) {
        this(planners, token, timeout, maxBackoff, Optional.empty());
    }

    /** @param cacert certificates (PEM) trusted besides the system's, for a planner with a private CA */
    Publisher(List<URI> planners, Optional<String> token, Duration timeout, Duration maxBackoff,
              Optional<java.nio.file.Path> cacert) {
        this.planners = planners;
        this.token = token;
        this.timeout = timeout;
        this.maxBackoff = maxBackoff;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        cacert.ifPresent(pem -> b.sslContext(dev.gcm.hypervisor.tls.PemTrust.withExtraCertificates(pem)));
        this.client = b.build();
    }

    /** One publication, with retries for up to {@code attempts} tries. */
    Result publish(HostRecord record, int attempts) throws InterruptedException {
        String body = HostRecordJson.write(record);
        long backoff = 200;
        String last = "";
        for (int attempt = 0; attempt < attempts; attempt++) {
            URI base = planners.get(next % planners.size());
            try {
                HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve("/api/v1/hosts/" + record.hostId()))
                        .timeout(timeout).header("content-type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body));
                token.ifPresent(t -> req.header("Authorization", "Bearer " + t));
                HttpResponse<String> r = client.send(req.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return new Result(Outcome.STORED, "");
                }
                if (r.statusCode() == 409) {
                    return new Result(Outcome.STALE, r.body(), lastAcceptedSeq(r.body()));
                }
                if (r.statusCode() < 500 && r.statusCode() != 429) {
                    LOG.error("planner {} refused the record ({}): {}", base, r.statusCode(), r.body());
                    return new Result(Outcome.REFUSED, r.body());
                }
                last = base + " answered " + r.statusCode();
            } catch (IOException e) {
                last = base + ": " + e.getMessage();
            }
            next++;
            LOG.warn("publish attempt {} failed ({}); retrying", attempt + 1, last);
            long jitter = ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
            Thread.sleep(backoff / 2 + jitter);
            backoff = Math.min(backoff * 2, maxBackoff.toMillis());
        }
        return new Result(Outcome.UNREACHABLE, last);
    }

    /** The seq in a 409's {@code lastAccepted}, or -1. */
    static long lastAcceptedSeq(String body) {
        try {
            return HostRecordJson.mapper().readTree(body).path("lastAccepted").path("seq").asLong(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
