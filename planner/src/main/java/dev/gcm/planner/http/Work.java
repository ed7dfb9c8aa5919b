package dev.gcm.planner.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool for work that grows with the fleet (what-if, evacuation, heatmap, GCM explanations,
 * host lists, grid reads): its own threads, so the event loops only parse and answer. At most
 * threads + queue such requests are running or waiting on this member (beyond: 503 BUSY), at most
 * {@code perCaller} of them for one caller (beyond: 429 TOO_MANY_REQUESTS); both say when to retry.
 */
public final class Work implements AutoCloseable {

    private final WorkerExecutor executor;
    private final int limit;
    private final int perCaller;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> byCaller = new ConcurrentHashMap<>();
    private final Counter busy;
    private final Counter tooMany;

    public Work(Vertx vertx, int threads, int queue, int perCaller, MeterRegistry metrics) {
        this.executor = vertx.createSharedWorkerExecutor("gcm-work", threads);
        this.limit = threads + queue;
        this.perCaller = perCaller;
        Gauge.builder("gcm.work.requests", inFlight, AtomicInteger::get)
                .description("fleet-sized requests running or waiting for a worker").register(metrics);
        busy = Counter.builder("gcm.work.refused").tag("reason", "busy")
                .description("fleet-sized requests refused").register(metrics);
        tooMany = Counter.builder("gcm.work.refused").tag("reason", "per_caller")
                .description("fleet-sized requests refused").register(metrics);
    }

    /**
     * Runs a job on the pool for a caller; the future completes on the calling context (the event loop
     * that will answer), or fails at once with the 429 or 503 to give.
     */
    public <T> Future<T> submit(String caller, Callable<T> job) {
        if (byCaller.merge(caller, 1, Integer::sum) > perCaller) {
            release(caller);
            tooMany.increment();
            return Future.failedFuture(new ApiError(429, "TOO_MANY_REQUESTS", "this caller already has " + perCaller
                    + " requests of fleet-sized work running or waiting; wait for one to finish"));
        }
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            release(caller);
            busy.increment();
            return Future.failedFuture(new ApiError(503, "BUSY", "this planner member has " + limit
                    + " requests of fleet-sized work running or waiting; try again shortly or ask another member"));
        }
        return executor.executeBlocking(job, false).andThen(done -> {
            inFlight.decrementAndGet();
            release(caller);
        });
    }

    private void release(String caller) {
        byCaller.computeIfPresent(caller, (k, n) -> n == 1 ? null : n - 1);
    }

    @Override
    public void close() {
        executor.close();
    }
}
