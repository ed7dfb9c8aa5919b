package dev.gcm.cli.offline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gcm.cli.CatalogOptions;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.input.ModelArgument;
import dev.gcm.cli.output.Json;
import dev.gcm.cli.output.Table;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.Feature;
import dev.gcm.facilitydb.catalog.FeatureKind;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.ModelResolver;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gcm features}: every feature, or those of one model. */
@Command(name = "features", mixinStandardHelpOptions = true,
        header = "List the CPU features, of every model or of one (offline).",
        footer = {"", "Examples:", "  gcm features --model z14", "  gcm features --kind kma", "  gcm features "
                + "--model gen16a -o json"},
        description = {"List the CPU features (name, kind, bit, first QEMU release, description).",
                "Deprecated features are marked as the QEMU release of the view reports them (none before 9.1)."})
public final class FeaturesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Only the features of this model, in any form: a name (z14, z14-base), a -cpu argument,"
                    + " JSON, libvirt XML; inline, a file, or - for stdin.")
    String model;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only features of this kind, e.g. STFL, KMA, PLO.")
    FeatureKind kind;

    @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table or json (default: table)")
    ModelsCommand.ListFormat output;

    @Option(names = "--no-headers", description = "Leave out the table header.")
    boolean noHeaders;

    @Override
    public Integer call() throws Exception {
        Catalog catalog = catalogOptions.catalog();
        List<Feature> features = catalog.features();
        if (model != null) {
            CpuModel m = new ModelResolver(catalog).resolve(ModelArgument.read(model));
            features = features.stream().filter(f -> m.features().contains(f.index())).toList();
        }
        if (kind != null) {
            features = features.stream().filter(f -> f.kind() == kind).toList();
        }
        var out = spec.commandLine().getOut();
        if (output == ModelsCommand.ListFormat.JSON) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (Feature f : features) {
                var node = array.addObject().put("name", f.name()).put("kind", f.kind().name()).put("bit", f.bit())
                        .put("sinceQemu", f.sinceQemu().toString()).put("description", f.description());
                if (catalog.deprecatedFeatures().contains(f.index())) {
                    node.put("deprecated", true);
                }
            }
            Json.print(out, array);
            return ExitCodes.OK;
        }
        Table table = new Table("NAME", "KIND", "BIT", "SINCE-QEMU", "DESCRIPTION");
        for (Feature f : features) {
            table.row(f.name(), f.kind(), f.bit(), f.sinceQemu(), f.description()
                    + (catalog.deprecatedFeatures().contains(f.index()) ? " (deprecated)" : ""));
        }
        Tables.print(table, out, noHeaders);
        return ExitCodes.OK;
    }
}
