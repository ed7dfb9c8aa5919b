package dev.gcm.demo;

import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.online.PlannerClient;
import dev.gcm.cli.output.Progress;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.hypervisor.env.EnvValues;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.Planner;
import dev.gcm.planner.PlannerConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gcm demo}: a planner member and a simulated fleet in this process, until Ctrl-C. Every host
 * heartbeats (as its agent would) so that the fleet stays fresh for as long as the demo runs; hosts named
 * with {@code --stale} stop reporting, to show what a stale host looks like.
 */
@Command(name = "gcm demo", mixinStandardHelpOptions = true, versionProvider = dev.gcm.cli.VersionProvider.class,
        header = "Run a planner with a simulated, heartbeating fleet on loopback until Ctrl-C.",
        description = {"Starts a planner member (alone, on 127.0.0.1, no tokens) with a simulated fleet of z13 "
                + "to z16 hosts, prints its GCM, which hosts limit it and two migration decisions, and serves "
                + "the API and the dashboard until Ctrl-C. Every host heartbeats like an agent, so the fleet "
                + "stays fresh."},
        footer = {"", "Examples:", "  gcm demo", "  gcm demo --hosts 200 --seed 7 --port 8081",
                "  gcm demo --stale-after 20s --stale lpar-02     # watch lpar-02 go stale after 20 s",
                "  gcm demo --hosts 10000 --progress 2> load.log",
                "", "Exit codes: 0 stopped by Ctrl-C, 2 usage error (bad option, port in use)."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--hosts", paramLabel = "N", defaultValue = "12", description = "Simulated hosts, 1 to "
            + "10000 (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the simulated fleet "
            + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "API and dashboard port on 127.0.0.1, 1 to 65535, or 0 for any free port (default: "
                    + "${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--stale-after", paramLabel = "DURATION",
            description = "A host that has not reported for this long is stale (default: $GCM_STALE_AFTER, else 90s);"
                    + " the hosts heartbeat three times as often.")
    String staleAfter;

    @Option(names = "--stale", paramLabel = "HOST", split = ",",
            description = "A host that stops heartbeating after its first report and so goes stale (repeat for "
                    + "several).")
    List<String> stale = new ArrayList<>();

    @Option(names = "--progress", description = "Show how far loading the fleet has got on stderr even when it is "
            + "not a terminal (on a terminal it is always shown).")
    boolean progress;

    @Option(names = "--verbose", description = "Show the planner's log.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (hosts < 1 || hosts > 10_000) {
            throw new IllegalArgumentException("--hosts must be between 1 and 10000, got " + hosts);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 1 and 65535 (or 0 for any free port), got " + port);
        }
        Duration staleness = staleAfter();
        Progress loading = Progress.on(spec.commandLine().getErr(), progress);
        List<HostRecord> fleet = DemoFleet.records(Catalog.load(), hosts, seed, loading);
        loading.done();
        DemoFleet.requireHosts(fleet, stale);
        Ports.requireFree(port);
        if (!verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        PrintWriter out = spec.commandLine().getOut();
        Planner planner = start(staleness);
        String base = "http://127.0.0.1:" + planner.httpPort();
        PlannerClient client = new PlannerClient(new PlannerClient.Settings(List.of(base), null,
                Duration.ofSeconds(30), null));
        Heartbeat heartbeat = new Heartbeat(client, fleet, stale, staleness.dividedBy(3));
        heartbeat.reportAll(loading);
        loading.done();
        heartbeat.start(); // before the summary: on a slow machine or a large fleet it takes a while
        new DemoSummary(client, out).print(fleet, seed);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            heartbeat.close();
            planner.close();
            stop.countDown();
        }, "gcm-demo-stop"));
        out.printf("%nDashboard: %s/%n", base);
        out.printf("API:       %s/api/v1  (no token needed in the demo; try: gcm hosts --planner %s)%n", base, base);
        out.printf("Hosts heartbeat every %s; a host is stale after %s without a report%s.%n",
                Durations.words(heartbeat.every()), Durations.words(staleness),
                stale.isEmpty() ? "" : " (" + String.join(", ", stale) + " will go stale)");
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stop.await();
        return ExitCodes.OK;
    }

    private Duration staleAfter() {
        String text = staleAfter != null ? staleAfter : System.getenv("GCM_STALE_AFTER");
        String name = staleAfter != null ? "--stale-after" : "GCM_STALE_AFTER";
        Duration d = EnvValues.duration(text == null ? Map.of() : Map.of(name, text), name, Duration.ofSeconds(90));
        if (d.toMillis() < 300) {
            throw new IllegalArgumentException(name + " must be at least 300ms, got '" + text + "'");
        }
        return d;
    }

    private Planner start(Duration staleness) throws Exception {
        PlannerConfig config = PlannerConfig.buildFromMap(Map.of("GCM_HTTP_PORT", String.valueOf(port),
                "GCM_HTTP_HOST", "127.0.0.1", "GCM_HZ_PORT", String.valueOf(Ports.free()),
                "GCM_CLUSTER_NAME", "gcm-demo-" + UUID.randomUUID(), "GCM_INSECURE", "true",
                "GCM_STALE_AFTER", staleness.toMillis() + "ms"));
        try {
            return Planner.start(config, Optional.empty());
        } catch (Exception e) {
            if (Ports.causedByBind(e)) {
                throw new IllegalArgumentException("port " + port + " on 127.0.0.1 is in use; choose another with --port");
            }
            throw e;
        }
    }
}
