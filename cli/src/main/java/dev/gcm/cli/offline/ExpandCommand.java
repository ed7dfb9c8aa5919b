package dev.gcm.cli.offline;

import dev.gcm.cli.CatalogOptions;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.input.ModelArgument;
import dev.gcm.cli.input.ModelsMayLookLikeOptions;
import dev.gcm.cli.output.ModelFormat;
import dev.gcm.cli.output.ModelWriter;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.facilitydb.qemu.ModelResolver;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gcm expand}: static or full expansion, as query-cpu-model-expansion. */
@Command(name = "expand", mixinStandardHelpOptions = true,
        header = "Expand a CPU model as QEMU's query-cpu-model-expansion does (offline).",
        footer = {"", "Examples:", "  gcm expand z14", "  gcm expand --full gen16a", "  gcm expand z14 -o args",
                "  gcm expand examples/guest-gen15.json -o libvirt"},
        description = "Expand a CPU model as QEMU's query-cpu-model-expansion does.")
public final class ExpandCommand implements Callable<Integer>, ModelsMayLookLikeOptions {

    static final class Type {
        @Option(names = "--static", description = "<def>-base plus the differences (default)")
        boolean isStatic;
        @Option(names = "--full", description = "<def>-base with every feature switched on or off")
        boolean full;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalogOptions;

    @ArgGroup(exclusive = true)
    Type type;

    @Option(names = {"-o", "--output"}, defaultValue = "qemu",
            description = "qemu, json, table, args or libvirt (default: qemu)")
    ModelFormat output;

    @Parameters(paramLabel = "MODEL", description = "A model in any form: a name (z14, z14-base), a -cpu argument,"
            + " QEMU or gcm/v1 JSON, libvirt XML; inline, a file, or - for stdin.")
    String model;

    @Override
    public Integer call() throws Exception {
        Catalog catalog = catalogOptions.catalog();
        CpuModel m = new ModelResolver(catalog).resolve(ModelArgument.read(model));
        Expansion.Type t = type != null && type.full ? Expansion.Type.FULL : Expansion.Type.STATIC;
        new ModelWriter(catalog).print(spec.commandLine().getOut(), m, Expansion.expand(catalog, m, t), output, null);
        return ExitCodes.OK;
    }
}
