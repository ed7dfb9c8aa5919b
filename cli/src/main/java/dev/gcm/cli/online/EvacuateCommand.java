package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.output.Table;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gcm plan evacuate HOST}: where each guest of a host could go. */
@Command(name = "evacuate", mixinStandardHelpOptions = true,
        header = "Where each guest of a host could go, best fit first.",
        description = {"For every guest of HOST, the hosts that can take it (best fit first) and why the "
                + "others cannot. Exit 0 when every guest has a target, 1 when some guest has none."},
        footer = {"", "Examples:", "  gcm plan evacuate lpar-03", "  gcm plan evacuate lpar-03 -o wide   # "
                + "each refusing host and why"})
public final class EvacuateCommand extends OnlineCommand {

    @Parameters(paramLabel = "HOST", description = "The host to empty.")
    String host;

    @Override
    protected int run(PlannerClient client, Printer printer) {
        JsonNode plan = client.post("/plans/evacuate", JsonNodeFactory.instance.objectNode().put("host",
                segment(host, "host")));
        boolean everyGuestHasATarget = true;
        for (JsonNode g : plan.path("guests")) {
            everyGuestHasATarget &= !g.path("targets").isEmpty();
        }
        int exit = everyGuestHasATarget ? ExitCodes.OK : ExitCodes.REJECTED;
        if (printer.output().isDocument()) {
            printer.document(Printer.document("EvacuationPlan", plan));
            return exit;
        }
        if (plan.path("guests").isEmpty()) {
            printer.out().printf("host %s runs no guests%n", host);
            printer.out().flush();
            return exit;
        }
        List<String> headers = new ArrayList<>(List.of("GUEST", "TARGETS", "REJECTED"));
        Table table = new Table(headers);
        for (JsonNode g : plan.path("guests")) {
            String targets = g.path("targets").isEmpty() ? printer.terminal().red("none")
                    : Cells.some(g.path("targets"), printer.wide() ? Integer.MAX_VALUE : 5);
            table.row(g.path("guest").asText(), targets, rejected(g.path("rejected"), printer.wide()));
        }
        printer.table(table);
        return exit;
    }

    /** How many hosts refuse, and (wide) each with its first reason. */
    private static String rejected(JsonNode rejected, boolean wide) {
        if (!wide) {
            return String.valueOf(rejected.size());
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode r : rejected) {
            parts.add(r.path("host").asText() + ":" + r.path("reasons").path(0).path("code").asText());
        }
        return String.join(" ", parts);
    }
}
