package dev.gcm.planner.http;

import dev.gcm.planner.gate.MigrationGate;
import dev.gcm.planner.grid.HzDecisionLog;
import dev.gcm.planner.grid.HzHostStore;
import dev.gcm.planner.grid.HzPoolStore;
import dev.gcm.planner.index.FleetIndex;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.util.function.BooleanSupplier;

/** What the handlers work with. */
public record Services(Vertx vertx, FleetIndex index, HzHostStore hosts, HzPoolStore pools, HzDecisionLog decisions,
                       MigrationGate gate, BooleanSupplier quorum, BooleanSupplier ready,
                       PrometheusMeterRegistry metrics) {
}
