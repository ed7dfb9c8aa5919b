package dev.gcm.cli.offline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gcm.cli.CatalogOptions;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.output.Json;
import dev.gcm.cli.output.ModelWriter;
import dev.gcm.cli.output.Table;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gcm models}: the CPU definitions, in release order. */
@Command(name = "models", mixinStandardHelpOptions = true,
        header = "List the IBM Z CPU definitions (offline).",
        description = "List the IBM Z CPU definitions (name, machine type, generation, GA, IBC, first QEMU release).",
        footer = {"", "Examples:", "  gcm models", "  gcm models --qemu-version 7.2   # what QEMU 7.2 "
                + "knows", "  gcm models -o json"})
public final class ModelsCommand implements Callable<Integer> {

    /** Output forms of listings. */
    public enum ListFormat { TABLE, JSON }

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table or json (default: table)")
    ListFormat output;

    @Option(names = "--no-headers", description = "Leave out the table header.")
    boolean noHeaders;

    @Override
    public Integer call() {
        Catalog catalog = catalogOptions.catalog();
        var out = spec.commandLine().getOut();
        if (output == ListFormat.JSON) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (CpuDefinition d : catalog.definitions()) {
                array.add(ModelWriter.definition(d).put("sinceQemu", d.sinceQemu().toString()));
            }
            Json.print(out, array);
            return ExitCodes.OK;
        }
        Table table = new Table("NAME", "TYPE", "GEN", "GA", "IBC", "SINCE-QEMU", "DESCRIPTION");
        for (CpuDefinition d : catalog.definitions()) {
            table.row(d.name(), d.machineTypeText(), d.generation(), d.ga(), d.ibc(), d.sinceQemu(), d.description());
        }
        Tables.print(table, out, noHeaders);
        return ExitCodes.OK;
    }
}
