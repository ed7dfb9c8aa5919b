package dev.gcm.cli.offline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.cli.CatalogOptions;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.input.ModelArgument;
import dev.gcm.cli.input.ModelsMayLookLikeOptions;
import dev.gcm.cli.output.Json;
import dev.gcm.cli.output.ModelWriter;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.Deprecation;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.facilitydb.qemu.ModelResolver;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gcm compare}: can a guest of model A run on a host offering model B? */
@Command(name = "compare", mixinStandardHelpOptions = true,
        header = "May a guest of model A run on a host of model B? (offline)",
        footer = {"", "Examples:", "  gcm compare z14 gen16a", "  gcm compare examples/guest-gen15.json "
                + "examples/host-z14.json",
                "  gcm compare \"$(gcm baseline examples/fleet.json -o args)\" gen16a",
                "  gcm compare z14-base gen15a -o qemu"},
        description = {"Compare CPU model A (the guest) with B (the host) as query-cpu-model-comparison does.",
                "A and B may be in any model form: a name, a -cpu argument (\"-cpu z14-base,vx=off\", z14,csske=off),"
                        + " QEMU or gcm/v1 JSON, libvirt XML (<cpu>, domain capabilities, domain); inline, a file or -.",
                "Exit 0 when A can run on B (identical or subset), 1 otherwise, 2 on bad input."})
public final class CompareCommand implements Callable<Integer>, ModelsMayLookLikeOptions {

    /** Output forms of a comparison. */
    public enum Format { TABLE, JSON, QEMU }

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table, json or qemu (default: table)")
    Format output;

    @Parameters(index = "0", paramLabel = "A", description = "The guest model, in any form (inline, a file, or -).")
    String guest;

    @Parameters(index = "1", paramLabel = "B", description = "The host model, in any form (inline, a file, or -).")
    String host;

    @Override
    public Integer call() throws Exception {
        Catalog catalog = catalogOptions.catalog();
        ModelResolver resolver = new ModelResolver(catalog);
        CpuModel a = resolver.resolve(ModelArgument.read(guest));
        CpuModel b = resolver.resolve(ModelArgument.read(host));
        Comparison.Result r = Comparison.compare(catalog, a, b);
        PrintWriter out = spec.commandLine().getOut();
        switch (output) {
            case QEMU -> {
                ObjectNode node = JsonNodeFactory.instance.objectNode().put("result", r.result().qemuName());
                node.set("responsible-properties", CpuModelInfoJson.writeNames(r.responsibleProperties()));
                Json.print(out, node);
            }
            case JSON -> {
                ObjectNode node = JsonNodeFactory.instance.objectNode().put("apiVersion", "gcm/v1")
                        .put("kind", "Comparison").put("result", r.result().qemuName())
                        .put("runnable", r.result().runnable());
                node.set("guest", ModelWriter.definition(a.definition()));
                node.set("host", ModelWriter.definition(b.definition()));
                node.set("responsibleProperties", CpuModelInfoJson.writeNames(r.responsibleProperties()));
                node.set("missingOnHost", CpuModelInfoJson.writeNames(Deprecation.deprecatedFirst(catalog, r.missing())));
                node.set("deprecatedMissingOnHost", CpuModelInfoJson.writeNames(Deprecation.deprecated(catalog, r.missing())));
                Deprecation.consequence(catalog, r.missing()).ifPresent(c -> node.put("deprecation", c));
                node.set("extraOnHost", CpuModelInfoJson.writeNames(catalog.names(r.added())));
                Json.print(out, node);
            }
            case TABLE -> {
                out.printf("Result:      %s (%s)%n", r.result().qemuName(),
                        r.result().runnable() ? "A can run on B" : "A cannot run on B");
                out.printf("Guest (A):   %s%nHost (B):    %s%n", a.definition().name(), b.definition().name());
                if (!r.missing().isEmpty()) {
                    out.printf("B lacks:     %s%n", Deprecation.describe(catalog, r.missing()));
                }
                if (r.responsibleProperties().contains(Comparison.TYPE_PROPERTY)) {
                    out.printf("Generation:  %s is %s than %s%n", a.definition().name(),
                            a.definition().isOlderThan(b.definition()) ? "older" : "newer", b.definition().name());
                }
                out.flush();
            }
        }
        return r.result().runnable() ? ExitCodes.OK : ExitCodes.REJECTED;
    }
}
