package dev.gcm.planner.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many event streams are open on this member, in all and per caller, across every HTTP verticle;
 * a stream beyond either cap is refused with 429 before it opens.
 */
public final class StreamLimits {

    private final int perCaller;
    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> byCaller = new ConcurrentHashMap<>();

    public StreamLimits(int perCaller, int max, MeterRegistry metrics) {
        this.perCaller = perCaller;
        this.max = max;
        Gauge.builder("gcm.events.subscribers", open, AtomicInteger::get)
                .description("open event streams on this member").register(metrics);
    }

    /** Counts a new stream of the caller's, or throws the 429 that refuses it. */
    void open(String caller) {
        if (byCaller.merge(caller, 1, Integer::sum) > perCaller) {
            release(caller);
            throw new ApiError(429, "TOO_MANY_STREAMS", "this caller already has " + perCaller
                    + " event streams open on this member");
        }
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            release(caller);
            throw new ApiError(429, "TOO_MANY_STREAMS", "this planner member already serves " + max
                    + " event streams; try another member");
        }
    }

    /** A stream of the caller's has closed. */
    void closed(String caller) {
        open.decrementAndGet();
        release(caller);
    }

    int open() {
        return open.get();
    }

    private void release(String caller) {
        byCaller.computeIfPresent(caller, (k, n) -> n == 1 ? null : n - 1);
    }
}
