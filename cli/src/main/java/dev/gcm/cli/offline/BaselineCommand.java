package dev.gcm.cli.offline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.cli.CatalogOptions;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.input.FleetFile;
import dev.gcm.cli.input.InputSource;
import dev.gcm.cli.output.Json;
import dev.gcm.cli.output.LimitWords;
import dev.gcm.cli.output.ModelFormat;
import dev.gcm.cli.output.ModelWriter;
import dev.gcm.cli.output.Table;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmConflict;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.gcm.GcmLimits;
import dev.gcm.facilitydb.gcm.GcmResult;
import dev.gcm.facilitydb.json.GcmJson;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.Expansion;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gcm baseline}: the greatest common CPU model of a fleet. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        header = "The greatest common CPU model (GCM) of a fleet in a file (offline).",
        footer = {"", "Examples:", "  gcm baseline examples/fleet.json", "  gcm baseline examples/fleet.json -o args",
                "  gcm baseline examples/fleet.json -o libvirt > cpu.xml", "  cat fleet.json | gcm baseline - -o json"},
        description = {"Compute the greatest common CPU model (GCM) of a fleet. FILE holds a JSON array of "
                + "hosts: QEMU CpuModelInfo objects, or"
                        + " {\"id\": ..., \"model\": {...}, \"ibcRange\": {\"lowest\": \"0x031\", "
                        + "\"unblocked\": \"0x051\"}}.",
                "Exit 0 with a common model, 1 when there is none (the reason on stderr), 2 on bad input."})
public final class BaselineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = {"-o", "--output"}, defaultValue = "table",
            description = "table, json, qemu, args or libvirt (default: table)")
    ModelFormat output;

    @Parameters(paramLabel = "FILE", description = "The fleet as a JSON file, or - for stdin.")
    String file;

    @Override
    public Integer call() throws Exception {
        Catalog catalog = catalogOptions.catalog();
        List<GcmHost> hosts = FleetFile.read(InputSource.readJson(file), catalog);
        GcmResult result = Gcm.compute(catalog, hosts);
        PrintWriter out = spec.commandLine().getOut();
        if (!result.hasCommonModel()) {
            for (GcmConflict c : result.conflicts()) {
                spec.commandLine().getErr().println("gcm: " + c.message());
            }
            if (output == ModelFormat.JSON) {
                Json.print(out, conflicts(result));
            }
            return ExitCodes.REJECTED;
        }
        CpuModel model = result.model().orElseThrow();
        List<GcmLimits.Limit> limits = GcmLimits.of(catalog, hosts, model);
        ModelWriter writer = new ModelWriter(catalog);
        ObjectNode extra = JsonNodeFactory.instance.objectNode().put("hostCount", hosts.size());
        extra.set("limitedBy", GcmJson.limits(limits));
        writer.print(out, model, Expansion.staticForm(catalog, model), output, extra);
        if (output == ModelFormat.TABLE) {
            printLimits(out, hosts.size(), limits);
        }
        return ExitCodes.OK;
    }

    private static void printLimits(PrintWriter out, int hostCount, List<GcmLimits.Limit> limits) {
        out.printf("Hosts:       %d%n", hostCount);
        if (limits.isEmpty()) {
            out.println("Limited by:  nothing (every host offers the same model)");
            out.flush();
            return;
        }
        out.println();
        Table table = new Table("LIMITING HOST", "DEFINITION", "CAPS", "REMOVES");
        for (GcmLimits.Limit l : limits) {
            table.row(l.host(), l.definition(), LimitWords.caps(l.capsGeneration(), l.capsIbc()),
                    l.removes().isEmpty() ? "-" : String.join(",", l.removes()));
        }
        table.print(out);
    }

    private static ObjectNode conflicts(GcmResult result) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("apiVersion", "gcm/v1").put("kind", "NoCommonModel");
        node.put("hostCount", result.hostCount());
        node.set("conflicts", GcmJson.conflicts(result.conflicts()));
        return node;
    }
}
