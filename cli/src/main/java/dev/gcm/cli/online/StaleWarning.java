package dev.gcm.cli.online;

import dev.gcm.cli.output.Names;

/**
 * When most hosts are stale the picture is old, and the gate approves no migration to a stale host: say so
 * loudly, on stderr (so that documents on stdout stay clean), in every form.
 */
final class StaleWarning {

    private StaleWarning() {
    }

    /** True when more than half of the hosts are stale. */
    static boolean mostlyStale(int stale, int hosts) {
        return hosts > 0 && stale * 2 > hosts;
    }

    static void warn(Printer printer, int stale, int hosts) {
        if (!mostlyStale(stale, hosts)) {
            return;
        }
        printer.err().println(printer.terminal().yellow("WARNING") + ": " + Names.count(stale) + " of "
                + Names.count(hosts, "host is", "hosts are") + " stale: their agents have not reported lately, so what"
                + " you see may be out of date and the gate approves no migration to them. Are the agents running?");
        printer.err().flush();
    }
}
