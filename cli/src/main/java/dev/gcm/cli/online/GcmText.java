package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.cli.output.LimitGroups;
import dev.gcm.cli.output.Names;
import dev.gcm.cli.output.Table;
import java.io.PrintWriter;
import java.util.List;

/** How the online commands print a GCM's limits, conflicts and stale hosts (gcm show and gcm what-if). */
final class GcmText {

    /** Host names shown before "and N more" (-o wide shows all). */
    static final int SHOWN = LimitGroups.SHOWN;

    private GcmText() {
    }

    /** The limiting hosts grouped by cause: "3 hosts lack te, cte: zvm-02, zvm-05, zvm-09". */
    static void limits(Printer printer, String title, JsonNode limitedBy) {
        if (limitedBy == null || limitedBy.isEmpty()) {
            return;
        }
        PrintWriter out = printer.out();
        out.println();
        out.println(title);
        printer.table(LimitGroups.table(LimitGroups.of(limitedBy), printer.wide()));
    }

    static void conflicts(Printer printer, JsonNode conflicts) {
        if (conflicts == null || conflicts.isEmpty()) {
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

    /** The stale hosts, and a loud warning when they are most of the pool. */
    static void stale(Printer printer, JsonNode stale, int hostCount, String pool) {
        if (stale == null || stale.isEmpty()) {
            return;
        }
        List<String> names = Cells.strings(stale);
        printer.out().printf("Stale:       %s (still counted; their agents have not reported lately)%n",
                Names.some(names, printer.wide() ? Integer.MAX_VALUE : SHOWN));
        StaleWarning.warn(printer, names.size(), hostCount, pool);
    }
}
