package dev.gcm.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.online.PlannerClient;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.planner.Planner;
import dev.gcm.planner.PlannerConfig;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gcm demo}: a planner member and a simulated fleet in this process, until Ctrl-C. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start a planner (alone, on loopback, no tokens) with a simulated fleet, show its GCM and",
                "two migration decisions, and keep serving the API until Ctrl-C."})
public final class DemoCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--hosts", defaultValue = "12", description = "Simulated hosts (default: 12).")
    int hosts;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulated fleet (default: 1).")
    long seed;

    @Option(names = "--port", defaultValue = "8080", description = "API port on 127.0.0.1 (default: 8080).")
    int port;

    @Option(names = "--verbose", description = "Show the planner's log.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (hosts < 1 || hosts > 10_000) {
            throw new IllegalArgumentException("--hosts must be between 1 and 10000");
        }
        if (!verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        PrintWriter out = spec.commandLine().getOut();
        int hzPort;
        try (ServerSocket s = new ServerSocket(0)) {
            hzPort = s.getLocalPort();
        }
        PlannerConfig config = PlannerConfig.buildFromMap(Map.of("GCM_HTTP_PORT", String.valueOf(port),
                "GCM_HTTP_HOST", "127.0.0.1", "GCM_HZ_PORT", String.valueOf(hzPort),
                "GCM_CLUSTER_NAME", "gcm-demo-" + UUID.randomUUID(), "GCM_INSECURE", "true"));
        Planner planner = Planner.start(config, Optional.empty());
        String base = "http://127.0.0.1:" + planner.httpPort();
        PlannerClient client = new PlannerClient(new PlannerClient.Settings(List.of(base), null,
                Duration.ofSeconds(30), null));
        List<HostRecord> fleet = DemoFleet.records(Catalog.load(), hosts, seed);
        for (HostRecord r : fleet) {
            client.put("/hosts/" + r.hostId(), HostRecordJson.mapper().valueToTree(r));
        }
        show(out, client, fleet);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            planner.close();
            stop.countDown();
        }, "gcm-demo-stop"));
        out.printf("%nDashboard: %s/%n", base);
        out.printf("API:       %s/api/v1  (no token needed in the demo; try: gcm hosts --planner %s)%n", base, base);
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stop.await();
        return ExitCodes.OK;
    }

    private void show(PrintWriter out, PlannerClient client, List<HostRecord> fleet) {
        JsonNode gcm = client.get("/pools/default/gcm");
        out.printf("GCM Planner demo: %d simulated hosts (seed %d)%n%n", fleet.size(), seed);
        if (gcm.path("common").asBoolean()) {
            JsonNode d = gcm.path("definition");
            out.printf("Pool 'default' GCM:  %s (generation %d GA %d, IBC %s), %d features%n", d.path("name").asText(),
                    d.path("generation").asInt(), d.path("ga").asInt(), gcm.path("ibc").asText(),
                    gcm.path("features").size());
            out.printf("QEMU -cpu:           %s%n", CpuModelInfoJson.read(gcm.path("qemu"), "qemu").toCpuArgument());
        } else {
            out.printf("Pool 'default' has no common model: %s%n", gcm.path("conflicts").path(0).path("message").asText());
        }
        for (JsonNode l : gcm.path("limitedBy")) {
            out.printf("Limited by %-10s %s%n", l.path("host").asText() + ":",
                    dev.gcm.cli.output.LimitWords.sentence(l.path("capsGeneration").asBoolean(),
                            l.path("definition").asText(), l.path("capsIbc").asBoolean(), names(l.path("removes"))));
        }
        out.println();
        boolean approved = false;
        boolean rejected = false;
        for (HostRecord source : fleet) {
            for (HostRecord.Guest g : source.guests()) {
                for (HostRecord target : fleet) {
                    if (target == source || (approved && rejected)) {
                        continue;
                    }
                    ObjectNode body = JSON.createObjectNode().put("source", source.hostId()).put("target", target.hostId());
                    body.putObject("guest").put("name", g.name());
                    JsonNode d = client.post("/migrations/check", body);
                    boolean ok = d.path("decision").asText().equals("approved");
                    if (ok ? approved : rejected) {
                        continue;
                    }
                    out.printf("Migration %s (%s) %s -> %s: %s%n", g.name(), g.cpuModel().toCpuArgument(),
                            source.hostId(), target.hostId(), d.path("decision").asText().toUpperCase());
                    for (JsonNode r : d.path("reasons")) {
                        out.printf("    %s: %s%n", r.path("code").asText(), r.path("message").asText());
                    }
                    approved |= ok;
                    rejected |= !ok;
                }
            }
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out.size() > 6 ? List.of(String.join(", ", out.subList(0, 6)) + " and " + (out.size() - 6) + " more")
                : out;
    }
}
