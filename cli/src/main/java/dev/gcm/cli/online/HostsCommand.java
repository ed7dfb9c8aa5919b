package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.output.Table;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcm hosts}: the hosts the planner knows, filtered, fetched a page at a time. */
@Command(name = "hosts", mixinStandardHelpOptions = true,
        header = "List the hosts: state, machine, definition, IBC range, freshness, pools.",
        description = {"The hosts the planner knows, ordered by id, fetched in pages of --chunk-size (as kubectl "
                + "does) and filtered by the planner: --pool, --state and -l/--selector (Kubernetes label-selector "
                + "syntax). A host whose agent has not reported lately is stale: it still counts in its pools' GCM, "
                + "but the gate approves no migration to it; when most hosts of a pool are stale a warning names "
                + "the pool on stderr. Subcommands act on one host."},
        subcommands = {HostShowCommand.class, HostActionCommand.Cordon.class, HostActionCommand.Uncordon.class,
                HostActionCommand.Decommission.class, HostActionCommand.Recommission.class},
        footer = {"", "Examples:", "  gcm hosts", "  gcm hosts --show-labels", "  gcm hosts -o wide",
                "  gcm hosts --state stale,cordoned", "  gcm hosts -l 'zone in (a,b),!gcm.dev/leaving'",
                "  gcm hosts --pool zone-a --limit 20",
                "  gcm hosts -o json | jq -r '.hosts[] | select(.state == \"stale\") | .hostId'",
                "  gcm hosts show lpar-03", "  gcm hosts cordon lpar-03"})
public final class HostsCommand extends OnlineCommand {

    @Option(names = "--show-labels", description = "Add a LABELS column (key=value,...), as kubectl get --show-labels.")
    boolean showLabels;

    @Option(names = "--pool", paramLabel = "POOL", description = "Only the hosts this pool counts.")
    String pool;

    /** The states the planner filters by, for completion. */
    static final class States implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("fresh", "stale", "cordoned", "leaving", "ready").iterator();
        }
    }

    @Option(names = "--state", paramLabel = "STATE", split = ",", completionCandidates = States.class,
            description = "Only hosts in any of these states: fresh, stale, cordoned, leaving, ready (fresh, not "
                    + "cordoned, not leaving). Comma-separated or repeated.")
    List<String> states = new ArrayList<>();

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR",
            description = "Only hosts whose labels match: k=v, k!=v, k, !k, k in (a,b), k notin (a), joined by commas.")
    String selector;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "At most N hosts (default: every matching host).")
    int limit;

    @Option(names = "--chunk-size", paramLabel = "N", defaultValue = "500",
            description = "Hosts per request to the planner (default: ${DEFAULT-VALUE}; 0: all in one request).")
    int chunkSize;

    @Override
    protected int run(PlannerClient client, Printer printer) {
        JsonNode answer = new HostPages(pool, states, selector, chunkSize, limit).fetch(client);
        JsonNode hosts = answer.path("hosts");
        if (printer.output().isDocument()) {
            printer.document(Printer.document("HostList", answer));
        } else {
            printer.table(table(hosts, printer));
            if (hosts.size() < answer.path("total").asInt()) {
                printer.err().println("gcm: " + hosts.size() + " of " + answer.path("total").asInt()
                        + " matching hosts shown (--limit)");
            }
        }
        StaleWarning.pools(printer, client.get("/pools"));
        return ExitCodes.OK;
    }

    private Table table(JsonNode hosts, Printer printer) {
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
                row.add(Cells.selector(h.path("labels"), "-"));
            }
            table.row(row);
        }
        return table;
    }
}
