package dev.gcm.agent;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.hypervisor.libvirt.LibvirtProbe;
import dev.gcm.hypervisor.probe.HypervisorProbe;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the agent from environment variables (see agent/README.md); SIGTERM stops it gracefully.
 * {@code install-hook} writes the libvirt migration hook instead (see {@link HookInstaller}).
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("install-hook")) {
            System.exit(HookInstaller.run(args, System.getenv(), System.out, System.err));
            return;
        }
        if (args.length > 0) {
            System.err.println("gcm-agent: unknown command '" + args[0] + "' (none to run the agent, or install-hook)");
            System.exit(2);
            return;
        }
        AgentConfig config;
        HypervisorProbe probe;
        Catalog catalog = Catalog.load();
        try {
            config = AgentConfig.buildFromMap(System.getenv());
            probe = config.probe().build(catalog);
        } catch (RuntimeException e) {
            System.err.println("gcm-agent: " + e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("configuration: {}", config.describe());
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PlannerCalls planner = new PlannerCalls(config.plannerUrls(), TokenSource.of(config), config.cacert());
        AgentConfig c = config;
        Supplier<String> fingerprint = probe instanceof LibvirtProbe libvirt
                ? () -> HypervisorFingerprint.of(c.probe()) + "|libvirt events " + libvirt.changes()
                : () -> HypervisorFingerprint.of(c.probe());
        Agent agent = new Agent(config, probe, new Publisher(planner, config.requestTimeout()), fingerprint, metrics);
        if (probe instanceof LibvirtProbe libvirt) {
            libvirt.onChange(agent::nudge);
        }
        Optional<HookServer> hook = hookServer(config, probe, catalog, planner, metrics);
        AgentEndpoint endpoint = new AgentEndpoint(config.port(), agent, metrics);
        agent.start();
        LOG.info("agent for {} running; endpoint on port {}", config.hostId(), endpoint.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: last heartbeat marked as leaving");
            hook.ifPresent(HookServer::close);
            agent.close();
            endpoint.close();
            planner.close();
            if (probe instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // stopping anyway
                }
            }
            stopped.countDown();
        }, "gcm-agent-shutdown"));
        stopped.await();
    }

    /** The migration hook's endpoint, where configured; it reads guests through libvirt. */
    private static Optional<HookServer> hookServer(AgentConfig config, HypervisorProbe probe, Catalog catalog,
                                                   PlannerCalls planner, PrometheusMeterRegistry metrics) {
        if (config.hook().socket().isEmpty()) {
            return Optional.empty();
        }
        LibvirtProbe guests = probe instanceof LibvirtProbe libvirt ? libvirt
                : new LibvirtProbe(config.probe().libvirt().uri(), catalog, config.probe().libvirt().maskedFeatures());
        MigrationHook handler = new MigrationHook(config.hostId(), guests::incomingGuest, planner, config.hook(),
                config.requestTimeout(), metrics);
        try {
            HookServer server = HookServer.start(config.hook().socket().get(), handler);
            LOG.info("migration hook endpoint on {}", server.socket());
            return Optional.of(server);
        } catch (IOException e) {
            LOG.error("no migration hook endpoint at {}: {}; incoming migrations are decided by GCM_HOOK_ON_ERROR"
                    + " of the hook", config.hook().socket().get(), Failures.describe(e));
            return Optional.empty();
        }
    }
}
