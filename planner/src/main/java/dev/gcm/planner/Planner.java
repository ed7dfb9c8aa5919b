package dev.gcm.planner;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.planner.auth.TokenStore;
import dev.gcm.planner.gate.MigrationGate;
import dev.gcm.planner.grid.HzAdminStore;
import dev.gcm.planner.grid.HzDecisionLog;
import dev.gcm.planner.grid.HzGrid;
import dev.gcm.planner.grid.HzHostStore;
import dev.gcm.planner.grid.HzPoolStore;
import dev.gcm.planner.http.HttpVerticle;
import dev.gcm.planner.http.Services;
import dev.gcm.planner.http.StreamLimits;
import dev.gcm.planner.http.Work;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.IndexFeed;
import dev.gcm.planner.state.AuditLog;
import dev.gcm.planner.state.DecisionRecorder;
import dev.gcm.planner.state.HardStateJournal;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
/**
 * One planner member: the Hazelcast member, this member's index of every host and pool (fed through one
 * writer by the grid's listeners, reconciled periodically), the hard-state journal, the decision log and
 * the HTTP API ({@link HttpVerticle}, one instance per core, with a bounded worker pool for fleet-sized
 * work). Closed in reverse order of start.
 */
public final class Planner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Planner.class);
    /** Audit files: at most this many of this size. */
    private static final long AUDIT_FILE_BYTES = 64L << 20;
    private static final int AUDIT_FILES = 5;

    private final List<AutoCloseable> closeInReverse;
    private final int port;
    private final Services services;
    private final ReconcileTask reconcile;

    private Planner(List<AutoCloseable> closeInReverse, int port, Services services, ReconcileTask reconcile) {
        this.closeInReverse = closeInReverse;
        this.port = port;
        this.services = services;
        this.reconcile = reconcile;
    }

    /** A member without a cluster secret (alone, or a demo). */
    public static Planner start(PlannerConfig config, Optional<TokenStore> tokens) throws Exception {
        return start(config, tokens, Optional.empty());
    }

    public static Planner start(PlannerConfig config, Optional<TokenStore> tokens, Optional<byte[]> secret)
            throws Exception {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            Optional<HardStateJournal> journal = journal(config);
            journal.ifPresent(opened::add);
            HzGrid grid = HzGrid.start(config, secret);
            opened.add(grid);
            FleetIndex index = new FleetIndex(Catalog.load(), config.staleAfter().toMillis(), System::currentTimeMillis);
            IndexFeed feed = new IndexFeed(index);
            opened.add(feed);
            HzHostStore hosts = new HzHostStore(grid);
            HzAdminStore admin = new HzAdminStore(grid);
            HzPoolStore pools = new HzPoolStore(grid);
            listen(grid, feed, hosts, admin, pools, journal);

            Vertx vertx = Vertx.vertx();
            opened.add(() -> vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
            ReconcileTask reconcile = new ReconcileTask(config, grid, hosts, admin, pools, index, feed, journal);
            Readiness readiness = new Readiness(grid, reconcile);
            opened.add(readiness);
            awaitQuorum(grid, config);
            runQuietly(reconcile);
            LOG.info("index built: {} hosts", index.snapshot().hostCount());
            schedule(vertx, config, grid, reconcile, opened);

            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            PlannerMetrics.register(metrics, index, feed, grid);
            new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(metrics);
            Optional<AuditLog> audit = audit(config);
            HzDecisionLog ring = new HzDecisionLog(grid, audit.map(a -> a::newest));
            DecisionRecorder recorder = new DecisionRecorder(ring, audit, grid, config.decisionLogSize(), metrics);
            opened.add(recorder);
            ApiConfig api = config.api();
            Work work = new Work(vertx, api.workerThreads(), api.workerQueue(), api.workerPerCaller(), metrics);
            opened.add(work::close);
            Services services = new Services(vertx, index, feed, hosts, admin, pools, ring, recorder,
                    journal, new MigrationGate(index, grid), grid, readiness::waitingFor, metrics, api, work,
                    new StreamLimits(api.streamsPerCaller(), api.streamsMax(), metrics));
            int port = serve(vertx, services, tokens, config);
            LOG.info("planner serving {}://{}:{}/api/v1 on {} event loops (member {} of {})",
                    config.tlsCert().isPresent() ? "https" : "http", config.httpHost(), port, api.instances(),
                    grid.localAddress(), grid.memberCount());
            return new Planner(opened, port, services, reconcile);
        } catch (Exception e) {
            closeAll(opened);
            throw e;
        }
    }

    /** Every change in the grid goes to the index's feed, and hard state to this member's journal too. */
    private static void listen(HzGrid grid, IndexFeed feed, HzHostStore hosts, HzAdminStore admin, HzPoolStore pools,
                               Optional<HardStateJournal> journal) {
        hosts.listen(feed::report, feed::reportRemoved, lost -> feed.lost(id -> grid.partitionOf(id) == lost));
        admin.listen((id, a) -> {
            feed.admin(id, a);
            journal.ifPresent(j -> j.admin(id, a));
        });
        pools.listen((name, p) -> {
            feed.pool(name, p);
            journal.ifPresent(j -> j.pool(p));
        }, feed::poolRemoved);
    }

    /**
     * Reconcile about every GCM_RECONCILE_EVERY (each member at its own jittered times), every second until a
     * first round succeeded, and after a merge.
     */
    private static void schedule(Vertx vertx, PlannerConfig config, HzGrid grid, ReconcileTask reconcile,
                                 List<AutoCloseable> opened) {
        ReconcileClock clock = new ReconcileClock(vertx, config.reconcileEvery(), () -> runInBackground(vertx, reconcile));
        clock.start();
        opened.add(clock::stop);
        long early = vertx.setPeriodic(1000, id -> {
            if (!reconcile.done() && grid.hasQuorum()) {
                runInBackground(vertx, reconcile);
            }
        });
        opened.add(() -> vertx.cancelTimer(early));
        grid.onMerged(() -> {
            LOG.warn("this member merged into the other side of a split brain; reconciling now");
            runInBackground(vertx, reconcile);
        });
    }

    private static Optional<HardStateJournal> journal(PlannerConfig config) throws IOException {
        if (config.stateDir().isEmpty()) {
            LOG.warn("no GCM_STATE_DIR: cordons, tombstones and pools live in the grid only (lost if every member stops)");
            return Optional.empty();
        }
        HardStateJournal j = new HardStateJournal(config.stateDir().get());
        j.load();
        return Optional.of(j);
    }

    private static Optional<AuditLog> audit(PlannerConfig config) throws IOException {
        return config.auditDir().isEmpty() ? Optional.empty()
                : Optional.of(new AuditLog(config.auditDir().get(), AUDIT_FILE_BYTES, AUDIT_FILES));
    }

    /**
     * Deploys the HTTP verticle once per configured instance (each on its own event loop, sharing the
     * port) and answers the port they listen on. Port 0 asks for a random one, shared by every instance.
     */
    private static int serve(Vertx vertx, Services services, Optional<TokenStore> tokens, PlannerConfig config)
            throws Exception {
        HttpVerticle.Listen listen = new HttpVerticle.Listen(config.httpHost(),
                config.httpPort() == 0 ? -1 : config.httpPort(), config.tlsCert(), config.tlsKey());
        List<HttpVerticle> instances = new java.util.concurrent.CopyOnWriteArrayList<>();
        vertx.deployVerticle(() -> {
            HttpVerticle v = new HttpVerticle(services, tokens, listen);
            instances.add(v);
            return v;
        }, new DeploymentOptions().setInstances(config.api().instances()))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return instances.get(0).actualPort();
    }

    /** Waits (bounded) until the member sees a majority, so the first load of the grid can succeed. */
    private static void awaitQuorum(HzGrid grid, PlannerConfig config) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!grid.hasQuorum() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (!grid.hasQuorum()) {
            LOG.warn("no majority of the {} expected members yet; serving, but refusing writes and approvals",
                    config.expectedMembers());
        }
    }

    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("reconcile failed ({}); retrying on schedule", e.getMessage());
        }
    }

    /** Runs a round on a worker unless one is running already. */
    private static void runInBackground(Vertx vertx, ReconcileTask task) {
        if (task.busy()) {
            return;
        }
        vertx.executeBlocking(() -> {
            task.run();
            return null;
        }, false).onFailure(e -> LOG.warn("reconcile failed: {}", e.getMessage()));
    }

    public int httpPort() {
        return port;
    }

    /** What the handlers work with (for tests that drive the member's parts directly). */
    public Services services() {
        return services;
    }

    /** Runs one reconcile round now, on the caller's thread, once a running one has finished (for tests). */
    public void reconcileNow() throws InterruptedException {
        while (!reconcile.tryRun()) {
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        closeAll(closeInReverse);
    }

    private static void closeAll(List<AutoCloseable> opened) {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                LOG.warn("{} did not close cleanly: {}", opened.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
