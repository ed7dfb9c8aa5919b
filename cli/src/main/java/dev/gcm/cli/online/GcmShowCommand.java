package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.output.Json;
import dev.gcm.cli.output.ModelWriter;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcm show [--pool NAME]}: a pool's greatest common CPU model and what limits it. */
@Command(name = "show", mixinStandardHelpOptions = true,
        header = "Show a pool's GCM, and which hosts limit it and why.",
        description = {"The pool's greatest common CPU model, the hosts that limit it grouped by cause (a "
                + "lower generation, a lower IBC, missing features), conflicts, quarantined and stale hosts. "
                + "Exit 0 when the pool has a common model, 1 when it has none."},
        footer = {"", "Examples:", "  gcm show                         # the default pool",
                "  gcm show --pool zone-a -o wide   # every limiting host named",
                "  gcm show -o args                 # -cpu z14-base,... for QEMU",
                "  gcm show -o libvirt              # a <cpu> element for the domain XML",
                "", "'gcm gcm' is the old name of this command and still works."})
public class GcmShowCommand extends OnlineCommand {

    /** The command's first name, kept working (hidden) for scripts written before it was renamed. */
    @Command(name = "gcm", hidden = true, mixinStandardHelpOptions = true,
            header = "The old name of gcm show.", description = "The old name of gcm show; use gcm show.")
    public static final class OldName extends GcmShowCommand {
    }

    @Option(names = "--pool", paramLabel = "POOL", defaultValue = "default", description = "The pool (default: "
            + "${DEFAULT-VALUE}).")
    String pool;

    @Override
    public List<Output> forms() {
        return List.of(Output.values());
    }

    @Override
    protected int run(PlannerClient client, Printer printer) {
        JsonNode g = client.get("/pools/" + segment(pool, "pool") + "/gcm");
        boolean common = g.path("common").asBoolean();
        int exit = common ? ExitCodes.OK : ExitCodes.REJECTED;
        if (printer.output().isDocument()) {
            printer.document(Printer.document("PoolGcm", g));
            return exit;
        }
        PrintWriter out = printer.out();
        if (printer.output().isModelForm()) {
            if (!common) {
                throw new IllegalStateException("pool '" + pool + "' has no common model: "
                        + g.path("conflicts").path(0).path("message").asText());
            }
            CpuModelInfo qemu = CpuModelInfoJson.read(g.path("qemu"), "$.qemu");
            switch (printer.output()) {
                case QEMU -> Json.print(out, g.path("qemu"));
                case ARGS -> out.println("-cpu " + qemu.toCpuArgument());
                default -> out.print(ModelWriter.libvirt(qemu));
            }
            out.flush();
            return exit;
        }
        out.printf("Pool:        %s (%d hosts, index version %d)%n", g.path("pool").asText(), g.path("hostCount").asInt(),
                g.path("version").asLong());
        if (common) {
            JsonNode d = g.path("definition");
            out.printf("GCM:         %s (machine type %s, generation %d GA %d, IBC %s), %d features%n",
                    printer.terminal().bold(d.path("name").asText()), d.path("machineType").asText(),
                    d.path("generation").asInt(), d.path("ga").asInt(), g.path("ibc").asText(),
                    g.path("features").size());
            out.printf("QEMU -cpu:   %s%n", CpuModelInfoJson.read(g.path("qemu"), "$.qemu").toCpuArgument());
            JsonNode options = g.path("options");
            if (options.path("strictIbc").asBoolean() || "off".equals(options.path("deprecatedFeatures").asText())) {
                out.printf("Options:     %s%n", (options.path("strictIbc").asBoolean() ? "strict IBC " : "")
                        + ("off".equals(options.path("deprecatedFeatures").asText()) ? "deprecated features off" : "")
                        .strip());
            }
            if (g.hasNonNull("softFingerprint")) {
                out.printf("Soft:        fingerprint %s%n", g.path("softFingerprint").asText());
            }
        } else {
            out.printf("GCM:         %s%n", printer.terminal().red("none: the hosts have no common model"));
        }
        if (g.has("qemuView")) {
            out.printf("QEMU view:   %s%n", g.path("qemuView").path("sentence").asText());
        }
        if (g.hasNonNull("deprecation")) {
            out.printf("Deprecated:  %s%n", g.path("deprecation").asText());
        }
        GcmText.limits(printer, "Limited by:", g.path("limitedBy"));
        GcmText.conflicts(printer, g.path("conflicts"));
        g.path("quarantined").fields().forEachRemaining(e -> out.printf("Quarantined: %s (%s)%n", e.getKey(),
                e.getValue().asText()));
        GcmText.stale(printer, g.path("stale"), g.path("hostCount").asInt(), g.path("pool").asText());
        out.flush();
        return exit;
    }
}
