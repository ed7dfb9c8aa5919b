package dev.gcm.cli.offline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.cli.CatalogOptions;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.input.FleetFile;
import dev.gcm.cli.input.InputSource;
import dev.gcm.cli.output.Json;
import dev.gcm.cli.output.Names;
import dev.gcm.cli.output.Progress;
import dev.gcm.cli.output.ModelWriter;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.GcmConflict;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.gcm.FleetGcm;
import dev.gcm.facilitydb.gcm.GcmOptions;
import dev.gcm.facilitydb.json.GcmJson;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
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
                "  gcm baseline examples/mixed-releases.json --qemu-version 7.2",
                "  gcm baseline examples/fleet.json -o libvirt > cpu.xml", "  cat fleet.json | gcm baseline - -o json",
                "  gcm baseline big-fleet.json -o wide   # every limiting host named"},
        description = {"Compute the greatest common CPU model (GCM) of a fleet.",
                "FILE holds a JSON array of hosts: models in any form (QEMU CpuModelInfo, gcm/v1 documents, strings"
                        + " with a name, a -cpu argument or libvirt XML), host objects {\"id\": ..., \"model\": ...,"
                        + " \"ibcRange\": {\"lowest\": \"0x031\", \"unblocked\": \"0x051\"}, \"qemuVersion\": \"7.2\"}"
                        + " or host records; or XML with libvirt <cpu> elements, domain capabilities or domains.",
                "Hosts of several QEMU releases get the GCM of the oldest release's view; --qemu-version asks for an"
                        + " older view still.",
                "The hosts that limit the GCM are grouped by cause (\"1,203 hosts lack vxeh2: h1, h2, ... and 1,200"
                        + " more\"); -o wide names them all, -o json lists each with its reasons. A JSON fleet is read"
                        + " host by host (up to 1,000,000 hosts); on a terminal stderr shows how far it has got.",
                "Exit 0 with a common model, 1 when there is none (the reason on stderr), 2 on bad input."})
public final class BaselineCommand implements Callable<Integer> {

    /** Whether the GCM keeps the deprecated features the hosts share. */
    public enum Deprecated { ON, OFF }

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = {"-o", "--output"}, defaultValue = "table",
            description = "table, wide (every limiting host named), json, qemu, args or libvirt (default: table)")
    BaselineOutput output;

    @Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal (on a "
            + "terminal it is always shown).")
    boolean progress;

    @Option(names = "--strict-ibc", description = "Demand identical instruction blocking: no GCM below a host's lowest"
            + " IBC (default: such a GCM runs there with its IBC raised).")
    boolean strictIbc;

    @Option(names = "--deprecated-features", paramLabel = "on|off", defaultValue = "on",
            description = "off: leave out the features QEMU deprecates (csske, bpb, te, cte), as libvirt's"
                    + " deprecated_features='off' does; -o args and -o libvirt then switch them off explicitly.")
    Deprecated deprecated;

    @Parameters(paramLabel = "FILE", description = "The fleet as a file, or - for stdin.")
    String file;

    @Override
    public Integer call() throws Exception {
        Catalog newest = Catalog.load();
        catalogOptions.catalog(); // refuses a release without CPU models (exit 2) before reading the fleet
        GcmOptions options = new GcmOptions(strictIbc, deprecated == Deprecated.OFF);
        FleetGcm.Result result;
        Progress shown = Progress.on(spec.commandLine().getErr(), progress);
        try (InputSource.Opened input = InputSource.open(file)) {
            List<GcmHost> hosts = FleetFile.read(input, newest, shown);
            shown.step("Computing the GCM of " + Names.count(hosts.size(), "host", "hosts"));
            result = FleetGcm.compute(newest, hosts, catalogOptions.asked(), options);
        } finally {
            shown.done();
        }
        Catalog catalog = result.view().catalog();
        PrintWriter out = spec.commandLine().getOut();
        if (!result.gcm().hasCommonModel()) {
            for (GcmConflict c : result.gcm().conflicts()) {
                spec.commandLine().getErr().println("gcm: " + c.message());
            }
            if (output == BaselineOutput.JSON) {
                Json.print(out, conflicts(result));
            }
            return ExitCodes.REJECTED;
        }
        CpuModel model = result.gcm().model().orElseThrow();
        ObjectNode extra = JsonNodeFactory.instance.objectNode().put("hostCount", result.gcm().hostCount());
        extra.set("options", options(options));
        extra.set("qemuView", BaselineReport.qemuView(result.bound()));
        extra.putPOJO("limitedBy", GcmJson.limitsAsWritten(result.limits()));
        boolean explicitOff = options.deprecatedFeaturesOff()
                && (output == BaselineOutput.ARGS || output == BaselineOutput.LIBVIRT);
        CpuModelInfo form = explicitOff ? Expansion.staticFormDeprecatedOff(catalog, model) : Expansion.staticForm(catalog, model);
        new ModelWriter(catalog).print(out, model, form, output.model(), extra);
        if (output == BaselineOutput.TABLE || output == BaselineOutput.WIDE) {
            BaselineReport.print(out, catalog, result, output == BaselineOutput.WIDE);
        }
        return ExitCodes.OK;
    }

    private static ObjectNode options(GcmOptions options) {
        return JsonNodeFactory.instance.objectNode().put("strictIbc", options.strictIbc())
                .put("deprecatedFeatures", options.deprecatedFeaturesOff() ? "off" : "on");
    }

    private static ObjectNode conflicts(FleetGcm.Result result) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("apiVersion", "gcm/v1").put("kind", "NoCommonModel");
        node.put("hostCount", result.gcm().hostCount());
        node.set("qemuView", BaselineReport.qemuView(result.bound()));
        node.set("conflicts", GcmJson.conflicts(result.gcm().conflicts()));
        return node;
    }
}
