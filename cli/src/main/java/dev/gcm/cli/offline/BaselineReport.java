package dev.gcm.cli.offline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.cli.output.LimitWords;
import dev.gcm.cli.output.Table;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.Deprecation;
import dev.gcm.facilitydb.gcm.GcmLimits;
import dev.gcm.facilitydb.gcm.ReleaseBound;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import java.io.PrintWriter;
import java.util.List;

/** What {@code gcm baseline} says beside the model: the QEMU release that bounds it and the limiting hosts. */
final class BaselineReport {

    private BaselineReport() {
    }

    static void print(PrintWriter out, Catalog catalog, int hostCount, List<GcmLimits.Limit> limits, ReleaseBound bound) {
        out.printf("Hosts:       %d%n", hostCount);
        out.printf("QEMU view:   %s%n", bound.sentence());
        if (limits.isEmpty()) {
            out.println("Limited by:  nothing (every host offers the same model)");
            out.flush();
            return;
        }
        List<String> deprecated = limits.stream().flatMap(l -> l.deprecated().stream()).distinct().toList();
        Deprecation.consequence(catalog, catalog.featureSet(deprecated))
                .ifPresent(c -> out.printf("Deprecated:  (*) %s%n", c));
        out.println();
        Table table = new Table("LIMITING HOST", "DEFINITION", "CAPS", "REMOVES");
        for (GcmLimits.Limit l : limits) {
            table.row(l.host(), l.definition(), LimitWords.caps(l.capsGeneration(), l.capsIbc()),
                    l.removes().isEmpty() ? "-" : LimitWords.removes(l.removes(), l.deprecated()));
        }
        table.print(out);
    }

    /** {@code {"release", "boundBy": [...], "asked", "featuresLeftOut": [...], "reduced": {host: "gen17a → gen16b"}}} */
    static ObjectNode qemuView(ReleaseBound bound) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("release", bound.release().toString());
        node.set("boundBy", CpuModelInfoJson.writeNames(bound.hosts()));
        node.put("asked", bound.asked());
        node.set("featuresLeftOut", CpuModelInfoJson.writeNames(bound.featuresLeftOut()));
        ObjectNode reduced = node.putObject("reduced");
        bound.reduced().forEach(reduced::put);
        node.put("explanation", bound.sentence());
        return node;
    }
}
