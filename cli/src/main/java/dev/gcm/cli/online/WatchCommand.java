package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.cli.ExitCodes;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcm watch}: a pool's GCM now and each time it changes, from the planner's event stream. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        header = "Print the pool's GCM now and each time it changes, until Ctrl-C.",
        description = {"Print the pool's GCM now and again each time it (or the pool's host count) changes, "
                + "until Ctrl-C or --changes. -o json prints one document per line (kind GcmChange)."},
        footer = {"", "Examples:", "  gcm watch", "  gcm watch --pool zone-a -o json | jq -c '{time, gcm}'",
                "  gcm watch --changes 1   # wait for the next change, then exit"})
public final class WatchCommand extends OnlineCommand {

    private static final String ROW = "%-24s  %-12s  %-10s  %-6s  %8s  %6s  %s%n";

    @Option(names = "--pool", paramLabel = "POOL", defaultValue = "default", description = "The pool (default: "
            + "${DEFAULT-VALUE}).")
    String pool;

    @Option(names = "--changes", paramLabel = "N", defaultValue = "0",
            description = "Stop after N changes (default: run until interrupted).")
    int changes;

    @Override
    protected int run(PlannerClient client, Printer printer) {
        if (changes < 0) {
            throw new IllegalArgumentException("--changes must not be negative");
        }
        segment(pool, "pool");
        if (!printer.output().isDocument() && printer.headers()) {
            printer.out().printf(ROW, "TIME", "POOL", "GCM", "IBC", "FEATURES", "HOSTS", "VERSION");
            printer.out().flush();
        }
        int[] seen = {-1};
        JsonNode[] last = {null};
        client.follow(event -> {
            JsonNode now = find(event);
            if (now == null) {
                throw new PlannerErrorException(404, "NOT_FOUND", "no pool '" + pool + "'");
            }
            if (last[0] != null && sameGcm(last[0], now)) {
                return true;
            }
            last[0] = now;
            seen[0]++;
            print(printer, now, event.path("version").asLong());
            return changes == 0 || seen[0] < changes;
        });
        return ExitCodes.OK;
    }

    private JsonNode find(JsonNode event) {
        for (JsonNode p : event.path("pools")) {
            if (pool.equals(p.path("pool").asText())) {
                return p;
            }
        }
        return null;
    }

    private static boolean sameGcm(JsonNode a, JsonNode b) {
        return a.path("common").asBoolean() == b.path("common").asBoolean()
                && Objects.equals(a.path("gcm").asText(), b.path("gcm").asText())
                && Objects.equals(a.path("ibc").asText(), b.path("ibc").asText())
                && a.path("featureCount").asInt() == b.path("featureCount").asInt()
                && a.path("hostCount").asInt() == b.path("hostCount").asInt();
    }

    private void print(Printer printer, JsonNode p, long version) {
        String time = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        if (printer.output().isDocument()) {
            ObjectNode doc = Printer.document("GcmChange", p);
            doc.put("time", time).put("version", version);
            printer.streamed(doc);
            return;
        }
        PrintWriter out = printer.out();
        boolean common = p.path("common").asBoolean();
        out.printf(ROW, time, pool, common ? p.path("gcm").asText()
                        : p.path("hostCount").asInt() == 0 ? "-" : printer.terminal().red("none"),
                common ? p.path("ibc").asText() : "-", common ? p.path("featureCount").asInt() : 0,
                p.path("hostCount").asInt(), version);
        out.flush();
    }
}
