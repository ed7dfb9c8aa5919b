package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.output.Json;
import dev.gcm.cli.output.LimitWords;
import dev.gcm.cli.output.ModelWriter;
import dev.gcm.cli.output.Table;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcm gcm [--pool NAME]}: a pool's greatest common CPU model and what limits it. */
@Command(name = "gcm", mixinStandardHelpOptions = true,
        description = {"The pool's greatest common CPU model, and which hosts limit it and how.",
                "Exit 0 when the pool has a common model, 1 when it has none."})
public final class GcmShowCommand extends OnlineCommand {

    @Option(names = "--pool", defaultValue = "default", description = "The pool (default: ${DEFAULT-VALUE}).")
    String pool;

    @Override
    protected Set<Output> forms() {
        return EnumSet.allOf(Output.class);
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
            if (g.hasNonNull("softFingerprint")) {
                out.printf("Soft:        fingerprint %s%n", g.path("softFingerprint").asText());
            }
        } else {
            out.printf("GCM:         %s%n", printer.terminal().red("none: the hosts have no common model"));
        }
        limits(printer, g.path("limitedBy"));
        conflicts(printer, g.path("conflicts"));
        g.path("quarantined").fields().forEachRemaining(e -> out.printf("Quarantined: %s (%s)%n", e.getKey(),
                e.getValue().asText()));
        if (!g.path("stale").isEmpty()) {
            out.printf("Stale:       %s (still counted; their agents have not reported lately)%n",
                    String.join(", ", Cells.strings(g.path("stale"))));
        }
        out.flush();
        return exit;
    }

    private static void limits(Printer printer, JsonNode limits) {
        if (limits.isEmpty()) {
            return;
        }
        printer.out().println();
        printer.out().println("Limited by:");
        Table table = new Table("HOST", "DEFINITION", "CAPS", "REMOVES");
        int shown = printer.wide() ? Integer.MAX_VALUE : 8;
        for (JsonNode l : limits) {
            table.row(l.path("host").asText(), l.path("definition").asText(),
                    LimitWords.caps(l.path("capsGeneration").asBoolean(), l.path("capsIbc").asBoolean()),
                    Cells.some(l.path("removes"), shown));
        }
        printer.table(table);
    }

    private static void conflicts(Printer printer, JsonNode conflicts) {
        if (conflicts.isEmpty()) {
            return;
        }
        printer.out().println();
        Table table = new Table("CONFLICT", "HOSTS", "MESSAGE");
        for (JsonNode c : conflicts) {
            table.row(printer.terminal().red(c.path("code").asText()), Cells.joined(c.path("hosts")),
                    c.path("message").asText());
        }
        printer.table(table);
    }
}
