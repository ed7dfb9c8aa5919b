package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.cli.output.Names;

/**
 * When most hosts of a pool are stale the picture is old, and the gate approves no migration to a stale host:
 * say so loudly, naming the pool, on stderr (so that documents on stdout stay clean), in every form.
 */
final class StaleWarning {

    private StaleWarning() {
    }

    /** True when more than half of the hosts are stale. */
    static boolean mostlyStale(int stale, int hosts) {
        return hosts > 0 && stale * 2 > hosts;
    }

    /** One pool's warning, if most of its hosts are stale. */
    static void warn(Printer printer, int stale, int hosts, String pool) {
        if (!mostlyStale(stale, hosts)) {
            return;
        }
        printer.err().println(printer.terminal().yellow("WARNING") + ": " + Names.count(stale) + " of "
                + Names.count(hosts, "host is", "hosts are") + " stale in pool '" + pool + "': their agents have not"
                + " reported lately, so what you see may be out of date and the gate approves no migration to them."
                + " Are the agents running?");
        printer.err().flush();
    }

    /** A warning for every pool of {@code GET /pools} most of whose hosts are stale. */
    static void pools(Printer printer, JsonNode pools) {
        for (JsonNode p : pools.path("pools")) {
            warn(printer, p.path("staleCount").asInt(), p.path("hostCount").asInt(), p.path("name").asText());
        }
    }
}
