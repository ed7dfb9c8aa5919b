package dev.gcm.planner;

import dev.gcm.hypervisor.env.EnvValues;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The HTTP front door's sizes and limits, from environment variables (see planner/README.md).
 *
 * @param instances          HTTP verticle instances (event loops serving the API); default one per core
 * @param idleTimeout        a connection waiting for a request's headers (new, or between requests) is closed after this
 * @param requestTimeout     a request's body must have arrived this long after its headers, or 408 and the connection closes
 * @param workerThreads      threads for work that grows with the fleet (what-if, evacuation, heatmap, host lists,
 *                           ...); default half the cores, so such work never takes every core from the event loops
 * @param workerQueue        such requests waiting for a thread beyond which the planner answers 503 BUSY
 * @param workerPerCaller    such requests one caller may have running or waiting; beyond: 429
 * @param streamsPerCaller   open event streams per caller; beyond: 429
 * @param streamsMax         open event streams on this member; beyond: 429
 */
public record ApiConfig(int instances, Duration idleTimeout, Duration requestTimeout, int workerThreads,
                        int workerQueue, int workerPerCaller, int streamsPerCaller, int streamsMax) {

    /** The variables this part of the configuration reads. */
    public static final List<String> VARIABLES = List.of("GCM_HTTP_INSTANCES", "GCM_HTTP_IDLE_TIMEOUT",
            "GCM_HTTP_REQUEST_TIMEOUT", "GCM_WORKER_THREADS", "GCM_WORKER_QUEUE", "GCM_WORKER_PER_CALLER",
            "GCM_EVENT_STREAMS_PER_CALLER", "GCM_EVENT_STREAMS_MAX");

    public ApiConfig {
        positive("GCM_HTTP_INSTANCES", instances);
        positive("GCM_WORKER_THREADS", workerThreads);
        positive("GCM_WORKER_PER_CALLER", workerPerCaller);
        positive("GCM_EVENT_STREAMS_PER_CALLER", streamsPerCaller);
        positive("GCM_EVENT_STREAMS_MAX", streamsMax);
        if (workerQueue < 0) {
            throw new IllegalArgumentException("GCM_WORKER_QUEUE must not be negative, got " + workerQueue);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("GCM_HTTP_IDLE_TIMEOUT and GCM_HTTP_REQUEST_TIMEOUT must be positive");
        }
    }

    /** The defaults: everything sized by the cores this JVM sees. */
    public static ApiConfig defaults() {
        return buildFromMap(Map.of());
    }

    public static ApiConfig buildFromMap(Map<String, String> env) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ApiConfig(
                PlannerConfig.integer(env, "GCM_HTTP_INSTANCES", cores),
                EnvValues.duration(env, "GCM_HTTP_IDLE_TIMEOUT", Duration.ofSeconds(10)),
                EnvValues.duration(env, "GCM_HTTP_REQUEST_TIMEOUT", Duration.ofSeconds(10)),
                PlannerConfig.integer(env, "GCM_WORKER_THREADS", Math.max(1, cores / 2)),
                PlannerConfig.integer(env, "GCM_WORKER_QUEUE", 64),
                PlannerConfig.integer(env, "GCM_WORKER_PER_CALLER", 4),
                PlannerConfig.integer(env, "GCM_EVENT_STREAMS_PER_CALLER", 8),
                PlannerConfig.integer(env, "GCM_EVENT_STREAMS_MAX", 1000));
    }

    void describe(Map<String, Object> m) {
        m.put("GCM_HTTP_INSTANCES", instances);
        m.put("GCM_HTTP_IDLE_TIMEOUT", idleTimeout);
        m.put("GCM_HTTP_REQUEST_TIMEOUT", requestTimeout);
        m.put("GCM_WORKER_THREADS", workerThreads);
        m.put("GCM_WORKER_QUEUE", workerQueue);
        m.put("GCM_WORKER_PER_CALLER", workerPerCaller);
        m.put("GCM_EVENT_STREAMS_PER_CALLER", streamsPerCaller);
        m.put("GCM_EVENT_STREAMS_MAX", streamsMax);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
