package dev.gcm.planner;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.planner.auth.TokenStore;
import dev.gcm.planner.gate.MigrationGate;
import dev.gcm.planner.grid.HzDecisionLog;
import dev.gcm.planner.grid.HzGrid;
import dev.gcm.planner.grid.HzHostStore;
import dev.gcm.planner.grid.HzPoolStore;
import dev.gcm.planner.grid.StoredHost;
import dev.gcm.planner.http.HttpVerticle;
import dev.gcm.planner.http.Services;
import dev.gcm.planner.http.StreamLimits;
import dev.gcm.planner.http.Work;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.model.Pool;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One planner member: the Hazelcast member, this member's index of every host and pool (fed by the
 * grid's listeners, reconciled periodically), and the HTTP API ({@link HttpVerticle}, one instance per
 * core, with a bounded worker pool for fleet-sized work). Closed in reverse order of start.
 */
public final class Planner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Planner.class);

    private final HzGrid grid;
    private final Vertx vertx;
    private final int port;
    private final long reconcileTimer;
    private final HzDecisionLog decisions;
    private final Work work;

    private Planner(HzGrid grid, Vertx vertx, int port, long reconcileTimer, HzDecisionLog decisions, Work work) {
        this.grid = grid;
        this.vertx = vertx;
        this.port = port;
        this.reconcileTimer = reconcileTimer;
        this.decisions = decisions;
        this.work = work;
    }

    public static Planner start(PlannerConfig config, Optional<TokenStore> tokens) throws Exception {
        HzGrid grid = HzGrid.start(config);
        Vertx vertx = Vertx.vertx();
        try {
            Catalog catalog = Catalog.load();
            FleetIndex index = new FleetIndex(catalog, config.staleAfter().toMillis(), System::currentTimeMillis);
            HzHostStore hosts = new HzHostStore(grid);
            HzPoolStore pools = new HzPoolStore(grid);
            AtomicBoolean reconciled = new AtomicBoolean();
            hosts.listen(index::upsert, index::remove);
            pools.listen(() -> index.setPools(loadPools(pools)));
            awaitQuorum(grid, config);
            Runnable reconcile = () -> {
                index.setPools(loadPools(pools));
                Map<String, StoredHost> all = hosts.all();
                int n = index.reconcile(all);
                if (n > 0 && reconciled.get()) {
                    LOG.warn("reconcile fixed {} host entries that listeners had missed", n);
                }
                reconciled.set(true);
                if (grid.hasQuorum()) {
                    expire(hosts, all, index.now() - config.expireAfter().toMillis(), config);
                }
            };
            try {
                reconcile.run();
                LOG.info("index built: {} hosts", index.hosts().size());
            } catch (RuntimeException e) {
                LOG.warn("first load of the grid failed ({}); retrying every {}", e.getMessage(), config.reconcileEvery());
            }
            long timer = vertx.setPeriodic(config.reconcileEvery().toMillis(), id -> vertx.executeBlocking(() -> {
                reconcile.run();
                return null;
            }).onFailure(e -> LOG.warn("reconcile failed: {}", e.getMessage())));
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registerGauges(metrics, index, grid);
            io.micrometer.core.instrument.Timer updates = io.micrometer.core.instrument.Timer.builder("gcm.index.update")
                    .description("time to apply one host to the index").register(metrics);
            index.observeUpdates(nanos -> updates.record(nanos, TimeUnit.NANOSECONDS));
            HzDecisionLog decisions = new HzDecisionLog(grid);
            ApiConfig api = config.api();
            Work work = new Work(vertx, api.workerThreads(), api.workerQueue(), api.workerPerCaller(), metrics);
            Services services = new Services(index, hosts, pools, decisions, new MigrationGate(index), grid::hasQuorum,
                    () -> reconciled.get() && grid.hasQuorum(), metrics, api, work,
                    new StreamLimits(api.streamsPerCaller(), api.streamsMax(), metrics));
            int port = serve(vertx, services, tokens, config);
            LOG.info("planner serving {}://{}:{}/api/v1 on {} event loops (member {} of {})",
                    config.tlsCert().isPresent() ? "https" : "http", config.httpHost(), port, api.instances(),
                    grid.instance().getCluster().getLocalMember().getAddress(), grid.memberCount());
            return new Planner(grid, vertx, port, timer, decisions, work);
        } catch (Exception e) {
            vertx.close();
            grid.close();
            throw e;
        }
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

    private static List<Pool> loadPools(HzPoolStore pools) {
        List<Pool> out = new ArrayList<>();
        pools.all().forEach((name, json) -> {
            try {
                out.add(dev.gcm.hypervisor.record.HostRecordJson.mapper().readValue(json, Pool.class));
            } catch (IOException e) {
                LOG.warn("pool {} cannot be read and is left out: {}", name, e.getMessage());
            }
        });
        return out;
    }

    private static void registerGauges(PrometheusMeterRegistry m, FleetIndex index, HzGrid grid) {
        Gauge.builder("gcm.hosts", index, i -> i.hosts().size()).description("hosts known to this member").register(m);
        Gauge.builder("gcm.hosts.stale", index, i -> i.hosts().stream()
                .filter(h -> h.stale(i.now(), i.staleAfterMillis())).count()).register(m);
        Gauge.builder("gcm.record.age.max", index, i -> i.hosts().stream()
                .mapToLong(h -> i.now() - h.stored().receivedAtMillis()).max().orElse(0) / 1000.0)
                .baseUnit("seconds").register(m);
        Gauge.builder("gcm.index.version", index, FleetIndex::version).register(m);
        Gauge.builder("gcm.cluster.members", grid, HzGrid::memberCount).register(m);
        Gauge.builder("gcm.quorum", grid, g -> g.hasQuorum() ? 1 : 0).register(m);
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(m);
    }

    /**
     * Removes the hosts whose last report is older than GCM_EXPIRE_AFTER, as a decommission would; every
     * member tries, the entry's owner removes it once, and a report that arrives meanwhile keeps the host.
     */
    private static void expire(HzHostStore hosts, Map<String, StoredHost> all, long before, PlannerConfig config) {
        all.forEach((id, entry) -> {
            if (entry.receivedAtMillis() < before) {
                hosts.removeIfUnchanged(id, entry).thenAccept(removed -> {
                    if (removed) {
                        LOG.info("host {} expired: no report for more than {}", id, config.expireAfter());
                    }
                });
            }
        });
    }

    public int httpPort() {
        return port;
    }

    @Override
    public void close() {
        vertx.cancelTimer(reconcileTimer);
        work.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Vert.x did not close cleanly: {}", e.getMessage());
        }
        decisions.close();
        grid.close();
    }
}
