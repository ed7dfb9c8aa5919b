package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.output.Table;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gcm hosts show ID}: one host and its record. */
@Command(name = "show", mixinStandardHelpOptions = true, header = "One host: its state, model, hypervisor, "
        + "pools and guests.",
        footer = {"", "Examples:", "  gcm hosts show lpar-03", "  gcm hosts show lpar-03 -o wide   # labels "
                + "and the host model's properties",
                "  gcm hosts show lpar-03 -o json   # the record as the agent reported it"})
public final class HostShowCommand extends OnlineCommand {

    @Parameters(paramLabel = "HOST", description = "The host id.")
    String host;

    @Override
    protected int run(PlannerClient client, Printer printer) {
        JsonNode h = client.get("/hosts/" + segment(host, "host"));
        if (printer.output().isDocument()) {
            printer.document(Printer.document("Host", h));
            return ExitCodes.OK;
        }
        JsonNode record = h.path("record");
        PrintWriter out = printer.out();
        out.printf("Host:        %s%n", h.path("hostId").asText());
        out.printf("State:       %s%s%n", h.path("state").asText(), h.path("cordoned").asBoolean() ? ", cordoned" : "");
        out.printf("Machine:     %s (IBC %s)%n", h.path("machineType").asText(), Cells.ibcRange(h));
        out.printf("Definition:  %s%n", h.path("definition").asText());
        out.printf("Host model:  %s%n", record.path("hostModel").path("name").asText());
        JsonNode hv = record.path("hypervisor");
        out.printf("Hypervisor:  %s%s%s%n", hv.path("kind").asText(),
                hv.hasNonNull("qemuVersion") ? ", QEMU " + hv.path("qemuVersion").asText() : "",
                hv.hasNonNull("kernelRelease") ? ", kernel " + hv.path("kernelRelease").asText() : "");
        out.printf("Pools:       %s%n", String.join(", ", Cells.strings(h.path("pools"))));
        out.printf("Reported:    %s ago (seq %d, boot %s)%n", Cells.age(h.path("ageSeconds").asLong()),
                h.path("seq").asLong(), record.path("bootId").asText());
        if (printer.wide()) {
            out.printf("Labels:      %s%n", Cells.selector(record.path("labels")));
            out.printf("Host model properties: %s%n", record.path("hostModel").path("props"));
        }
        out.println();
        Table guests = new Table("GUEST", "MODEL");
        for (JsonNode g : record.path("guests")) {
            guests.row(g.path("name").asText(), g.path("cpuModel").path("name").asText()
                    + (g.path("cpuModel").path("props").isEmpty() ? "" : " " + g.path("cpuModel").path("props")));
        }
        if (guests.isEmpty()) {
            out.println("No guests.");
        } else {
            printer.table(guests);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
