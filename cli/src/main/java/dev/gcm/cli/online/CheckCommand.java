package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.output.Table;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcm check}: the migration gate, for people and pipelines. */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "May this guest move to that host? Ask the planner's migration gate.",
        description = {"Exit 0 approved, 1 rejected (the reasons on stdout; in table form one line per "
                + "reason), 2 usage or input error, 3 planner unreachable, 4 planner failed. -o json is stable "
                + "(apiVersion gcm/v1, kind MigrationDecision)."},
        footer = {"", "Examples:", "  gcm check --guest lpar-03-vm1 --target zvm-01",
                "  gcm check --model z14 --target lpar-05 -o json",
                "  gcm check --model guest.json --target lpar-05 --no-headers   # one line per reason",
                "  if gcm check --guest vm1 --target h2 -o json > decision.json; then virsh migrate ...; fi"})
public final class CheckCommand extends OnlineCommand {

    @Option(names = "--target", required = true, paramLabel = "HOST", description = "The host the guest would move to.")
    String target;

    @Option(names = "--source", paramLabel = "HOST", description = "The host the guest runs on now (optional).")
    String source;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Guest guest;

    /** The guest: by name (a guest some host reports) or by model. */
    static final class Guest {
        @Option(names = "--guest", paramLabel = "NAME", description = "A running guest, as its host reports it.")
        String name;

        @Option(names = "--model", paramLabel = "MODEL",
                description = "The guest's CPU model: a JSON file (CpuModelInfo), -, or a model name.")
        String model;
    }

    @Option(names = "--soft-fingerprint", paramLabel = "HASH",
            description = "The soft-facility fingerprint the guest was started with, for pools that count soft "
                    + "facilities.")
    String softFingerprint;

    @Override
    protected int run(PlannerClient client, Printer printer) throws Exception {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("target", target);
        if (source != null) {
            body.put("source", source);
        }
        ObjectNode g = body.putObject("guest");
        if (guest.name != null) {
            g.put("name", guest.name);
        } else {
            g.set("model", CpuModelInfoJson.write(ModelInput.read(guest.model)));
        }
        if (softFingerprint != null) {
            g.put("softFingerprint", softFingerprint);
        }
        JsonNode answer = client.post("/migrations/check", body);
        boolean approved = "approved".equals(answer.path("decision").asText());
        String hint = approved ? "" : NotFoundHints.forTarget(answer, target, client);
        if (!hint.isEmpty()) {
            printer.err().println("gcm: no host '" + target + "'" + hint);
        }
        if (printer.output().isDocument()) {
            printer.document(decision(answer, approved));
        } else {
            table(printer, answer, approved);
        }
        return approved ? ExitCodes.OK : ExitCodes.REJECTED;
    }

    /** The stable document: only these fields, whatever else the API adds. */
    private ObjectNode decision(JsonNode answer, boolean approved) {
        ObjectNode doc = Printer.document("MigrationDecision", null);
        doc.put("approved", approved).put("decision", answer.path("decision").asText());
        doc.put("guest", answer.path("guest").asText());
        if (source != null) {
            doc.put("source", source);
        }
        doc.put("target", answer.path("target").asText()).put("decisionId", answer.path("decisionId").asText());
        var reasons = doc.putArray("reasons");
        for (JsonNode r : answer.path("reasons")) {
            ObjectNode n = reasons.addObject().put("code", r.path("code").asText()).put("message", r.path("message").asText());
            n.set("features", r.has("features") ? r.get("features") : JsonNodeFactory.instance.arrayNode());
        }
        if (answer.has("comparison")) {
            doc.set("comparison", answer.get("comparison"));
        }
        return doc;
    }

    private static void table(Printer printer, JsonNode answer, boolean approved) {
        PrintWriter out = printer.out();
        String route = answer.path("guest").asText() + " -> " + answer.path("target").asText();
        if (approved) {
            out.println(printer.terminal().green("APPROVED") + "  " + route);
            out.flush();
            return;
        }
        if (printer.headers()) {
            out.println(printer.terminal().red("REJECTED") + "  " + route);
        }
        Table reasons = new Table("REASON", "MESSAGE", "FEATURES");
        for (JsonNode r : answer.path("reasons")) {
            reasons.row(printer.terminal().red(r.path("code").asText()), r.path("message").asText(),
                    Cells.some(r.path("features"), printer.wide() ? Integer.MAX_VALUE : 6));
        }
        printer.table(reasons);
    }
}
