package dev.gcm.agent;

import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import java.io.IOException;
import java.time.Duration;

/**
 * Sends this host's record to the planner, once per call across the planner URLs ({@link PlannerCalls}):
 * stored, refused as stale (409), refused for another reason (a 4xx, with the planner's message), or no
 * planner reachable. Retrying, and how soon, is the agent's decision.
 */
final class Publisher {

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

    private final PlannerCalls planner;
    private final Duration timeout;

    Publisher(PlannerCalls planner, Duration timeout) {
        this.planner = planner;
        this.timeout = timeout;
    }

    /** The token the planner calls carry now. */
    java.util.Optional<String> token() {
        return planner.token();
    }

    /** One publication: every planner URL at most once. */
    Result publish(HostRecord record) throws InterruptedException {
        PlannerCalls.Answer r;
        try {
            r = planner.send("PUT", "/api/v1/hosts/" + record.hostId(), HostRecordJson.write(record), timeout);
        } catch (PlannerCalls.UnreachableException e) {
            return new Result(Outcome.UNREACHABLE, e.getMessage());
        }
        if (r.status() == 200) {
            return new Result(Outcome.STORED, "");
        }
        if (r.status() == 409) {
            return new Result(Outcome.STALE, r.body(), lastAcceptedSeq(r.body()));
        }
        return new Result(Outcome.REFUSED, r.planner() + " answered " + r.status() + ": " + r.body());
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
