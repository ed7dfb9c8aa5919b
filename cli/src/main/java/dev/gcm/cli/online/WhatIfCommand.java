package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.output.Table;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcm what-if}: the GCM with hosts retired or hypothetical hosts added; nothing changes. */
@Command(name = "what-if", mixinStandardHelpOptions = true,
        header = "The pool's GCM after retiring hosts or adding hypothetical ones; nothing changes.",
        description = {"The pool's GCM before and after, what limits it after, the guests that would lose "
                + "their last possible target, and the guests that could not run on an added host, each with "
                + "the reason the planner gives. Nothing is changed."},
        footer = {"", "Examples:", "  gcm what-if --remove lpar-08", "  gcm what-if --remove lpar-08 --add gen16a",
                "  gcm what-if --add like:lpar-03          # another host like lpar-03",
                "  gcm what-if --pool zone-a --add host-model.json -o json"})
public final class WhatIfCommand extends OnlineCommand {

    @Option(names = "--pool", paramLabel = "POOL", defaultValue = "default", description = "The pool (default: "
            + "${DEFAULT-VALUE}).")
    String pool;

    @Option(names = "--remove", paramLabel = "HOST", description = "A host to retire (repeat for several).")
    List<String> remove = new ArrayList<>();

    @Option(names = "--add", paramLabel = "HOST",
            description = "A hypothetical host (repeat): like:HOST (a copy of that host's model, IBC range and QEMU "
                    + "release), a definition name such as gen16a (that machine as a KVM host presents it, with every "
                    + "feature its hosts report, not QEMU's bare named model), or any other model form: a -cpu "
                    + "string, a JSON or XML file, or -.")
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
            ObjectNode h = a.addObject().put("id", "new-" + (i + 1));
            String arg = add.get(i).strip();
            if (arg.startsWith("like:")) {
                h.put("like", segment(arg.substring(5), "host"));
            } else if (Catalog.load().definition(arg).isPresent()) {
                h.put("definition", arg);
            } else {
                h.set("model", CpuModelInfoJson.write(ModelInput.read(add.get(i))));
            }
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
        for (JsonNode h : answer.path("added")) {
            out.printf("Added %s: %s, %s%s, %d features%n", h.path("id").asText(), h.path("origin").asText(),
                    h.path("definition").asText(), h.has("ibcLowest") ? " IBC " + Cells.ibcRange(h) : "",
                    h.path("features").asInt());
        }
        GcmText.limits(printer, "Limited by, after:", answer.path("after").path("limitedBy"));
        GcmText.conflicts(printer, answer.path("after").path("conflicts"));
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

    /** The guests, and why each loses its place, whenever the planner says why. */
    private static void guests(Printer printer, String title, JsonNode list, boolean added) {
        if (list.isEmpty()) {
            return;
        }
        printer.out().println();
        printer.out().println(title);
        boolean why = false;
        for (JsonNode g : list) {
            why |= g.has("reasons") || g.has("reason");
        }
        List<String> headers = new ArrayList<>(List.of("GUEST", "HOST"));
        if (added) {
            headers.add("ADDED-HOST");
        }
        if (why) {
            headers.add("WHY");
        }
        Table t = new Table(headers);
        for (JsonNode g : list) {
            List<Object> cells = new ArrayList<>(List.of(g.path("guest").asText(), g.path("host").asText()));
            if (added) {
                cells.add(g.path("addedHost").asText());
            }
            if (why) {
                String removed = g.path("removedTargets").isEmpty() ? ""
                        : "; the hosts that could take it are removed: " + Cells.some(g.path("removedTargets"),
                        printer.wide() ? Integer.MAX_VALUE : 5);
                String text = Reasons.text(g, printer.wide());
                cells.add("-".equals(text) && !removed.isEmpty() ? removed.substring(2) : text + removed);
            }
            t.row(cells);
        }
        printer.table(t);
    }
}
