package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gcm hosts cordon|uncordon|decommission|recommission ID}: what an admin does to one host. */
public abstract class HostActionCommand extends OnlineCommand {

    @Parameters(paramLabel = "HOST", description = "The host id.")
    String host;

    /** The request and what is said when it is done. */
    abstract JsonNode act(PlannerClient client, String id);

    abstract String done();

    @Override
    protected int run(PlannerClient client, Printer printer) {
        JsonNode answer = act(client, segment(host, "host"));
        if (printer.output().isDocument()) {
            printer.document(Printer.document("HostChange", answer));
        } else {
            printer.out().printf("host %s %s%n", host, done());
            printer.out().flush();
        }
        return ExitCodes.OK;
    }

    @Command(name = "cordon", mixinStandardHelpOptions = true,
            header = "Cordon a host: the gate approves no migration to it (admin).",
            description = "Cordon a host: the gate approves no migration to it; it still counts in its pools' GCM.",
            footer = {"", "Example:", "  gcm hosts cordon lpar-03"})
    public static final class Cordon extends HostActionCommand {
        @Override
        JsonNode act(PlannerClient client, String id) {
            return client.post("/hosts/" + id + "/cordon", null);
        }

        @Override
        String done() {
            return "cordoned";
        }
    }

    @Command(name = "uncordon", mixinStandardHelpOptions = true, header = "Take the cordon off a host (admin).",
            footer = {"", "Example:", "  gcm hosts uncordon lpar-03"})
    public static final class Uncordon extends HostActionCommand {
        @Override
        JsonNode act(PlannerClient client, String id) {
            return client.post("/hosts/" + id + "/uncordon", null);
        }

        @Override
        String done() {
            return "uncordoned";
        }
    }

    @Command(name = "decommission", mixinStandardHelpOptions = true,
            header = "Remove a host and its record from its pools (admin).",
            description = {"Remove a host and its record; its pools' GCM no longer counts it. Its agent's reports "
                    + "are refused until the host is recommissioned (or the tombstone expires)."},
            footer = {"", "Example:", "  gcm hosts decommission lpar-03", "  gcm hosts recommission lpar-03"})
    public static final class Decommission extends HostActionCommand {
        @Override
        JsonNode act(PlannerClient client, String id) {
            return client.delete("/hosts/" + id);
        }

        @Override
        String done() {
            return "decommissioned";
        }
    }

    @Command(name = "recommission", mixinStandardHelpOptions = true,
            header = "Let a decommissioned host's agent report again (admin).",
            description = "Let a decommissioned host's agent report again: clears its tombstone; its next report "
                    + "brings it back into its pools.",
            footer = {"", "Example:", "  gcm hosts recommission lpar-03"})
    public static final class Recommission extends HostActionCommand {
        @Override
        JsonNode act(PlannerClient client, String id) {
            return client.post("/hosts/" + id + "/recommission", null);
        }

        @Override
        String done() {
            return "recommissioned";
        }
    }
}
