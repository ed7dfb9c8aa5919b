package dev.gcm.cli.offline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.cli.CatalogOptions;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.input.FleetFile;
import dev.gcm.cli.input.InputSource;
import dev.gcm.cli.output.Json;
import dev.gcm.cli.output.ModelFormat;
import dev.gcm.cli.output.ModelWriter;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.GcmConflict;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.gcm.GcmLimits;
import dev.gcm.facilitydb.gcm.GcmOptions;
import dev.gcm.facilitydb.gcm.MixedReleaseGcm;
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
                "  gcm baseline examples/fleet.json -o libvirt > cpu.xml", "  cat fleet.json | gcm baseline - -o json"},
        description = {"Compute the greatest common CPU model (GCM) of a fleet.",
                "FILE holds a JSON array of hosts: models in any form (QEMU CpuModelInfo, gcm/v1 documents, strings"
                        + " with a name, a -cpu argument or libvirt XML), host objects {\"id\": ..., \"model\": ...,"
                        + " \"ibcRange\": {\"lowest\": \"0x031\", \"unblocked\": \"0x051\"}, \"qemuVersion\": \"7.2\"}"
                        + " or host records; or XML with libvirt <cpu> elements, domain capabilities or domains.",
                "Hosts of several QEMU releases get the GCM of the oldest release's view; --qemu-version asks for an"
                        + " older view still.",
                "Exit 0 with a common model, 1 when there is none (the reason on stderr), 2 on bad input."})
public final class BaselineCommand implements Callable<Integer> {

    /** Whether the GCM keeps the deprecated features the hosts share. */
    public enum Deprecated { ON, OFF }

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = {"-o", "--output"}, defaultValue = "table",
            description = "table, json, qemu, args or libvirt (default: table)")
    ModelFormat output;

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
        List<GcmHost> hosts = FleetFile.read(InputSource.readText(file), newest);
        GcmOptions options = new GcmOptions(strictIbc, deprecated == Deprecated.OFF);
        MixedReleaseGcm.Result result = MixedReleaseGcm.compute(newest, hosts, catalogOptions.asked(), options);
        Catalog catalog = result.view().catalog();
        PrintWriter out = spec.commandLine().getOut();
        if (!result.gcm().hasCommonModel()) {
            for (GcmConflict c : result.gcm().conflicts()) {
                spec.commandLine().getErr().println("gcm: " + c.message());
            }
            if (output == ModelFormat.JSON) {
                Json.print(out, conflicts(result));
            }
            return ExitCodes.REJECTED;
        }
        CpuModel model = result.gcm().model().orElseThrow();
        List<GcmLimits.Limit> limits = GcmLimits.of(catalog, result.reducedHosts(), model, options);
        ObjectNode extra = JsonNodeFactory.instance.objectNode().put("hostCount", hosts.size());
        extra.set("options", options(options));
        extra.set("qemuView", BaselineReport.qemuView(result.bound()));
        extra.set("limitedBy", GcmJson.limits(limits));
        boolean explicitOff = options.deprecatedFeaturesOff() && (output == ModelFormat.ARGS || output == ModelFormat.LIBVIRT);
        CpuModelInfo form = explicitOff ? Expansion.staticFormDeprecatedOff(catalog, model) : Expansion.staticForm(catalog, model);
        new ModelWriter(catalog).print(out, model, form, output, extra);
        if (output == ModelFormat.TABLE) {
            BaselineReport.print(out, catalog, hosts.size(), limits, result.bound());
        }
        return ExitCodes.OK;
    }

    private static ObjectNode options(GcmOptions options) {
        return JsonNodeFactory.instance.objectNode().put("strictIbc", options.strictIbc())
                .put("deprecatedFeatures", options.deprecatedFeaturesOff() ? "off" : "on");
    }

    private static ObjectNode conflicts(MixedReleaseGcm.Result result) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("apiVersion", "gcm/v1").put("kind", "NoCommonModel");
        node.put("hostCount", result.gcm().hostCount());
        node.set("qemuView", BaselineReport.qemuView(result.bound()));
        node.set("conflicts", GcmJson.conflicts(result.gcm().conflicts()));
        return node;
    }
}
