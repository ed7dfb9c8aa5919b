package dev.gcm.cli.offline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.cli.output.LimitGroups;
import dev.gcm.cli.output.Names;
import dev.gcm.cli.output.Terminal;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.Deprecation;
import dev.gcm.facilitydb.gcm.FleetGcm;
import dev.gcm.facilitydb.gcm.GcmLimits;
import dev.gcm.facilitydb.gcm.ReleaseBound;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import java.io.PrintWriter;
import java.util.List;

/** What {@code gcm baseline} says beside the model: the QEMU release that bounds it and the limiting hosts. */
final class BaselineReport {

    private BaselineReport() {
    }

    /**
     * The hosts, the QEMU view, and the limiting hosts grouped by cause, as {@code gcm show} prints them (every
     * name when wide; else a few per cause, the table wrapped to the terminal).
     */
    static void print(PrintWriter out, Catalog catalog, FleetGcm.Result result, boolean wide) {
        int hosts = result.gcm().hostCount();
        out.printf("Hosts:       %s%s%n", Names.count(hosts),
                result.kinds() < hosts ? " (" + Names.count(result.kinds()) + " distinct)" : "");
        out.printf("QEMU view:   %s%n", result.bound().sentence());
        List<GcmLimits.Limit> limits = result.limits();
        if (limits.isEmpty()) {
            out.println("Limited by:  nothing (every host offers the same model)");
            out.flush();
            return;
        }
        List<String> deprecated = limits.stream().flatMap(l -> l.deprecated().stream()).distinct().toList();
        Deprecation.consequence(catalog, catalog.featureSet(deprecated))
                .ifPresent(c -> out.printf("Deprecated:  %s%n", c));
        out.println();
        out.println("Limited by:");
        LimitGroups.table(LimitGroups.of(limits), wide).print(out, true, wide ? Integer.MAX_VALUE
                : Terminal.detect().width());
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
