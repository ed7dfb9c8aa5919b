package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.output.Table;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcm decisions}: the gate's decision log. */
@Command(name = "decisions", mixinStandardHelpOptions = true, header = "The gate's recent decisions, newest first.",
        description = {"The migration gate's decision log, newest first (as the dashboard shows it), in every "
                + "form. --limit keeps the newest N."},
        footer = {"", "Examples:", "  gcm decisions", "  gcm decisions --since 30m", "  gcm decisions --since "
                + "2026-11-22T10:00:00Z -o wide",
                "  gcm decisions -o json | jq -r '.decisions[] | select(.decision == \"rejected\") | .guest'"})
public final class DecisionsCommand extends OnlineCommand {

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only decisions from this time on: an instant (2026-11-22T10:00:00Z) or an age (30m, "
                    + "2h, 1d).")
    String since;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many, 1 to 1000 (default: "
            + "${DEFAULT-VALUE}).")
    int limit;

    @Override
    protected int run(PlannerClient client, Printer printer) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("--limit must be between 1 and 1000");
        }
        String query = "?limit=" + limit + (since == null ? ""
                : "&since=" + URLEncoder.encode(sinceInstant(since).toString(), StandardCharsets.UTF_8));
        print(printer, newestFirst(client.get("/decisions" + query)));
        return ExitCodes.OK;
    }

    /**
     * The log in the printer's form; first, on stderr, a note naming the members that did not answer (the log
     * is still printed: what the other members answered).
     */
    static void print(Printer printer, JsonNode answer) {
        JsonNode unanswered = answer.path("unansweredMembers");
        if (!unanswered.isEmpty()) {
            printer.err().println("note: " + unanswered.size() + " planner member(s) did not answer, their decisions are"
                    + " missing: " + Cells.joined(unanswered));
            printer.err().flush();
        }
        if (printer.output().isDocument()) {
            printer.document(Printer.document("DecisionList", answer));
            return;
        }
        List<String> headers = new ArrayList<>(List.of("TIME", "DECISION", "GUEST", "SOURCE", "TARGET", "REASONS"));
        if (printer.wide()) {
            headers.addAll(List.of("CALLER", "MODEL", "ID"));
        }
        Table table = new Table(headers);
        for (JsonNode d : answer.path("decisions")) {
            boolean ok = "approved".equals(d.path("decision").asText());
            List<Object> row = new ArrayList<>(List.of(d.path("time").asText(),
                    ok ? printer.terminal().green("approved") : printer.terminal().red("rejected"),
                    d.path("guest").asText(), d.path("source").asText("-"), d.path("target").asText(),
                    d.path("reasons").isEmpty() ? "-" : Cells.joined(d.path("reasons"))));
            if (printer.wide()) {
                row.addAll(List.of(d.path("caller").asText(), d.path("model").path("name").asText(),
                        d.path("decisionId").asText()));
            }
            table.row(row);
        }
        printer.table(table);
    }

    /** The log as the planner gives it, its decisions ordered newest first by time (a stable sort). */
    static JsonNode newestFirst(JsonNode answer) {
        List<JsonNode> decisions = new ArrayList<>();
        answer.path("decisions").forEach(decisions::add);
        java.util.Collections.reverse(decisions); // the planner lists newest last; ties keep that order, reversed
        decisions.sort(java.util.Comparator.comparing(DecisionsCommand::time).reversed());
        com.fasterxml.jackson.databind.node.ObjectNode copy = answer.deepCopy();
        copy.putArray("decisions").addAll(decisions);
        return copy;
    }

    private static Instant time(JsonNode decision) {
        try {
            return Instant.parse(decision.path("time").asText());
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    static Instant sinceInstant(String when) {
        try {
            return Instant.parse(when);
        } catch (DateTimeParseException e) {
            try {
                return Instant.now().minus(PlannerOptions.duration(when, "--since"));
            } catch (IllegalArgumentException notAnAge) {
                throw new IllegalArgumentException("--since: expected an instant such as 2026-11-22T10:00:00Z or an"
                        + " age such as 30m, 2h or 1d, got '" + when + "'");
            }
        }
    }
}
