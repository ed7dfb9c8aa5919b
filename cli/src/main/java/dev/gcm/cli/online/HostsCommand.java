package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.output.Table;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code gcm hosts}: every host the planner knows. */
@Command(name = "hosts", mixinStandardHelpOptions = true,
        description = "List hosts: state, machine, definition, IBC range, freshness, cordoned.",
        subcommands = {HostShowCommand.class, HostActionCommand.Cordon.class, HostActionCommand.Uncordon.class,
                HostActionCommand.Decommission.class, HostActionCommand.Recommission.class})
public final class HostsCommand extends OnlineCommand {

    @Override
    protected int run(PlannerClient client, Printer printer) {
        JsonNode answer = client.get("/hosts");
        if (printer.output().isDocument()) {
            printer.document(Printer.document("HostList", answer));
            return ExitCodes.OK;
        }
        List<String> headers = new ArrayList<>(List.of("HOST", "STATE", "CORDONED", "MACHINE", "DEFINITION", "IBC",
                "AGE", "POOLS"));
        if (printer.wide()) {
            headers.addAll(List.of("GUESTS", "SEQ"));
        }
        Table table = new Table(headers);
        for (JsonNode h : answer.path("hosts")) {
            String state = h.path("state").asText();
            List<Object> row = new ArrayList<>(List.of(h.path("hostId").asText(),
                    "fresh".equals(state) ? printer.terminal().green(state) : printer.terminal().yellow(state),
                    h.path("cordoned").asBoolean() ? printer.terminal().yellow("yes") : "no",
                    h.path("machineType").asText(), h.path("definition").asText(), Cells.ibcRange(h),
                    Cells.age(h.path("ageSeconds").asLong()), Cells.joined(h.path("pools"))));
            if (printer.wide()) {
                row.addAll(List.of(h.path("guests").asInt(), h.path("seq").asLong()));
            }
            table.row(row);
        }
        printer.table(table);
        return ExitCodes.OK;
    }
}
