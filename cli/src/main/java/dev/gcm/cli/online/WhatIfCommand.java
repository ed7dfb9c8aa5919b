package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.input.ModelArgument;
import dev.gcm.cli.output.Table;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcm what-if}: the GCM with hosts retired or hypothetical hosts added; nothing changes. */
@Command(name = "what-if", mixinStandardHelpOptions = true,
        description = {"The pool's GCM before and after retiring hosts and adding hypothetical ones, the guests",
                "that would lose their last possible target, and the guests that could not run on an added host.",
                "Nothing is changed."})
public final class WhatIfCommand extends OnlineCommand {

    @Option(names = "--pool", defaultValue = "default", description = "The pool (default: ${DEFAULT-VALUE}).")
    String pool;

    @Option(names = "--remove", paramLabel = "HOST", description = "A host to retire (repeat for several).")
    List<String> remove = new ArrayList<>();

    @Option(names = "--add", paramLabel = "MODEL",
            description = "A hypothetical host offering this model: a JSON file, -, or a model name (repeat).")
    List<String> add = new ArrayList<>();

    @Override
    protected int run(PlannerClient client, Printer printer) throws Exception {
        if (remove.isEmpty() && add.isEmpty()) {
            throw new IllegalArgumentException("say what changes: --remove HOST and/or --add MODEL");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode r = body.putArray("remove");
        remove.forEach(r::add);
        ArrayNode a = body.putArray("add");
        for (int i = 0; i < add.size(); i++) {
            a.addObject().put("id", "new-" + (i + 1)).set("model", CpuModelInfoJson.write(ModelArgument.read(add.get(i))));
        }
        JsonNode answer = client.post("/pools/" + segment(pool, "pool") + "/what-if", body);
        if (printer.output().isDocument()) {
            printer.document(Printer.document("WhatIf", answer));
            return ExitCodes.OK;
        }
        PrintWriter out = printer.out();
        Table gcm = new Table("", "HOSTS", "GCM", "IBC", "FEATURES");
        gcm.row(row("before", answer.path("before"), printer));
        gcm.row(row("after", answer.path("after"), printer));
        printer.table(gcm);
        guests(printer, "Guests that would lose their last target:", answer.path("guestsLosingTheirLastTarget"), false);
        guests(printer, "Guests that could not run on an added host:", answer.path("guestsThatCannotRunOnAddedHosts"),
                true);
        out.flush();
        return ExitCodes.OK;
    }

    private static List<Object> row(String label, JsonNode r, Printer printer) {
        boolean common = r.path("common").asBoolean();
        return List.of(label, r.path("hostCount").asInt(),
                common ? r.path("definition").path("name").asText() : printer.terminal().red("none"),
                common ? r.path("ibc").asText() : "-", common ? r.path("features").size() : 0);
    }

    private static void guests(Printer printer, String title, JsonNode list, boolean added) {
        if (list.isEmpty()) {
            return;
        }
        printer.out().println();
        printer.out().println(title);
        Table t = added ? new Table("GUEST", "HOST", "ADDED-HOST") : new Table("GUEST", "HOST");
        for (JsonNode g : list) {
            if (added) {
                t.row(g.path("guest").asText(), g.path("host").asText(), g.path("addedHost").asText());
            } else {
                t.row(g.path("guest").asText(), g.path("host").asText());
            }
        }
        printer.table(t);
    }
}
