package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.output.Table;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcm hosts}: every host the planner knows. */
@Command(name = "hosts", mixinStandardHelpOptions = true,
        header = "List the hosts: state, machine, definition, IBC range, freshness, pools.",
        description = {"Every host the planner knows. A host whose agent has not reported lately is stale: it "
                + "still counts in its pools' GCM, but the gate approves no migration to it; when most hosts "
                + "are stale a warning says so on stderr. Subcommands act on one host."},
        subcommands = {HostShowCommand.class, HostActionCommand.Cordon.class, HostActionCommand.Uncordon.class,
                HostActionCommand.Decommission.class, HostActionCommand.Recommission.class},
        footer = {"", "Examples:", "  gcm hosts", "  gcm hosts --show-labels", "  gcm hosts -o wide",
                "  gcm hosts -o json | jq -r '.hosts[] | select(.state == \"stale\") | .hostId'",
                "  gcm hosts show lpar-03", "  gcm hosts cordon lpar-03"})
public final class HostsCommand extends OnlineCommand {

    /** Beyond this many hosts, labels the list does not carry are not fetched host by host. */
    private static final int MOST_LOOKUPS = 500;

    @Option(names = "--show-labels", description = "Add a LABELS column (key=value,...), as kubectl get --show-labels.")
    boolean showLabels;

    @Override
    protected int run(PlannerClient client, Printer printer) {
        JsonNode answer = client.get("/hosts");
        JsonNode hosts = answer.path("hosts");
        int stale = 0;
        for (JsonNode h : hosts) {
            stale += "stale".equals(h.path("state").asText()) ? 1 : 0;
        }
        if (printer.output().isDocument()) {
            printer.document(Printer.document("HostList", answer));
            StaleWarning.warn(printer, stale, hosts.size());
            return ExitCodes.OK;
        }
        List<String> headers = new ArrayList<>(List.of("HOST", "STATE", "CORDONED", "MACHINE", "DEFINITION", "IBC",
                "AGE", "POOLS"));
        if (printer.wide()) {
            headers.addAll(List.of("GUESTS", "SEQ"));
        }
        if (showLabels) {
            headers.add("LABELS");
        }
        Table table = new Table(headers);
        for (JsonNode h : hosts) {
            String state = h.path("state").asText();
            List<Object> row = new ArrayList<>(List.of(h.path("hostId").asText(),
                    "fresh".equals(state) ? printer.terminal().green(state) : printer.terminal().yellow(state),
                    h.path("cordoned").asBoolean() ? printer.terminal().yellow("yes") : "no",
                    h.path("machineType").asText(), h.path("definition").asText(), Cells.ibcRange(h),
                    Cells.age(h.path("ageSeconds").asLong()), Cells.joined(h.path("pools"))));
            if (printer.wide()) {
                row.addAll(List.of(h.path("guests").asInt(), h.path("seq").asLong()));
            }
            if (showLabels) {
                row.add(labels(client, h, hosts.size()));
            }
            table.row(row);
        }
        printer.table(table);
        if (showLabels && hosts.size() > MOST_LOOKUPS && !hosts.path(0).has("labels")) {
            printer.err().println("gcm: note: this planner's host list carries no labels, and " + hosts.size()
                    + " hosts are too many to ask one by one ('?'); gcm hosts show HOST has them");
        }
        StaleWarning.warn(printer, stale, hosts.size());
        return ExitCodes.OK;
    }

    /** The list's labels when the planner gives them; else the host's record (for a list of moderate size). */
    private static String labels(PlannerClient client, JsonNode summary, int hostCount) {
        if (summary.has("labels")) {
            return Cells.selector(summary.path("labels"), "-");
        }
        if (hostCount > MOST_LOOKUPS) {
            return "?";
        }
        JsonNode record = client.get("/hosts/" + segment(summary.path("hostId").asText(), "host")).path("record");
        return Cells.selector(record.path("labels"), "-");
    }
}
