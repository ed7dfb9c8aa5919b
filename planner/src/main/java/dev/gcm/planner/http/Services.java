package dev.gcm.planner.http;

import dev.gcm.planner.ApiConfig;
import dev.gcm.planner.gate.MigrationGate;
import dev.gcm.planner.grid.HzDecisionLog;
import dev.gcm.planner.grid.HzHostStore;
import dev.gcm.planner.grid.HzPoolStore;
import dev.gcm.planner.index.FleetIndex;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;

/**
 * What the handlers of every HTTP verticle share: the index, the stores, the gate, the worker pool for
 * fleet-sized work and the event stream caps. Every part is safe to use from several event loops.
 */
public record Services(FleetIndex index, HzHostStore hosts, HzPoolStore pools, HzDecisionLog decisions,
                       MigrationGate gate, BooleanSupplier quorum, BooleanSupplier ready,
                       PrometheusMeterRegistry metrics, ApiConfig api, Work work, StreamLimits streams) {
}
