package dev.gcm.planner.http;

import dev.gcm.planner.ApiConfig;
import dev.gcm.planner.gate.MigrationGate;
import dev.gcm.planner.grid.HzAdminStore;
import dev.gcm.planner.grid.HzDecisionLog;
import dev.gcm.planner.grid.HzHostStore;
import dev.gcm.planner.grid.HzPoolStore;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.IndexFeed;
import dev.gcm.planner.model.GridHealth;
import dev.gcm.planner.state.DecisionRecorder;
import dev.gcm.planner.state.HardStateJournal;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the handlers of every HTTP verticle share: the index, the stores, the gate, the worker pool for
 * fleet-sized work and the event stream caps. Every part is safe to use from several event loops.
 *
 * @param feed    the index's writer feed: handlers wait on it to read their own writes, never write the index
 * @param journal this member's hard-state journal: a hard write is in it before it is acknowledged
 * @param waitingFor what this member waits for before it is ready ({@code /readyz}); empty when ready
 */
public record Services(Vertx vertx, FleetIndex index, IndexFeed feed, HzHostStore hosts, HzAdminStore admin,
                       HzPoolStore pools, HzDecisionLog decisions, DecisionRecorder recorder,
                       Optional<HardStateJournal> journal, MigrationGate gate, GridHealth health,
                       Supplier<Optional<String>> waitingFor,
                       PrometheusMeterRegistry metrics, ApiConfig api, Work work, StreamLimits streams) {

    /** Whether this member sees a majority of the cluster. */
    public BooleanSupplier quorum() {
        return health::hasQuorum;
    }
}
