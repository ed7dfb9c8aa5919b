package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.output.Table;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code gcm pools}: the pools, their selectors and GCMs. */
@Command(name = "pools", mixinStandardHelpOptions = true, header = "List the pools with their selector and GCM.",
        description = {"A pool is a named label selector over the hosts; 'default' holds every host. gcm show "
                + "--pool NAME shows one pool's GCM and what limits it."},
        subcommands = PoolSetCommand.class,
        footer = {"", "Examples:", "  gcm pools", "  gcm pools -o wide", "  gcm pools set zone-a --selector "
                + "zone=a --floor z14"})
public final class PoolsCommand extends OnlineCommand {

    @Override
    protected int run(PlannerClient client, Printer printer) {
        JsonNode answer = client.get("/pools");
        if (printer.output().isDocument()) {
            printer.document(Printer.document("PoolList", answer));
            return ExitCodes.OK;
        }
        List<String> headers = new ArrayList<>(List.of("POOL", "HOSTS", "GCM", "SELECTOR"));
        if (printer.wide()) {
            headers.addAll(List.of("FLOOR", "SOFT", "STRICT-IBC", "DEPRECATED"));
        }
        Table table = new Table(headers);
        for (JsonNode p : answer.path("pools")) {
            String gcm = p.hasNonNull("gcm") ? p.path("gcm").asText()
                    : p.path("hostCount").asInt() == 0 ? "-" : printer.terminal().red("none");
            List<Object> row = new ArrayList<>(List.of(p.path("name").asText(), p.path("hostCount").asInt(), gcm,
                    Cells.selector(p.path("selector"))));
            if (printer.wide()) {
                row.addAll(List.of(p.path("floor").path("name").asText("-"), p.path("soft").asBoolean() ? "yes" : "no",
                        p.path("strictIbc").asBoolean() ? "yes" : "no", p.path("deprecatedFeatures").asText("on")));
            }
            table.row(row);
        }
        printer.table(table);
        return ExitCodes.OK;
    }
}
