package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.cli.ExitCodes;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gcm pools set NAME --selector k=v ... [--floor MODEL] [--soft]}: define or redefine a pool. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Define a pool: the hosts whose labels match every --selector pair. A --floor model "
                + "quarantines hosts that cannot run it instead of letting them lower the GCM; --soft lets the "
                + "pool's GCM count soft (hypervisor-emulated) facilities."},
        header = "Define or redefine a pool: a label selector, a floor model (admin).",
        footer = {"", "Examples:", "  gcm pools set zone-a --selector zone=a", "  gcm pools set evc-z14 "
                + "--selector site=north --floor z14",
                "  gcm pools set soft --selector zone=a --soft"})
public final class PoolSetCommand extends OnlineCommand {

    @Parameters(paramLabel = "NAME", description = "Pool name: lowercase letters, digits and '-'.")
    String name;

    @Option(names = "--selector", paramLabel = "LABEL=VALUE", split = ",",
            description = "A label every host of the pool carries (repeat for several).")
    Map<String, String> selector = new LinkedHashMap<>();

    @Option(names = "--floor", paramLabel = "MODEL", description = "The lowest model the pool accepts: a name, "
            + "a JSON file, or -.")
    String floor;

    @Option(names = "--soft", description = "Count soft facilities in this pool's GCM.")
    boolean soft;

    @Override
    protected int run(PlannerClient client, Printer printer) throws Exception {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode sel = body.putObject("selector");
        selector.forEach(sel::put);
        if (floor != null) {
            body.set("floor", CpuModelInfoJson.write(ModelInput.read(floor)));
        }
        body.put("soft", soft);
        JsonNode answer = client.put("/pools/" + segment(name, "pool"), body);
        if (printer.output().isDocument()) {
            printer.document(Printer.document("Pool", answer));
        } else {
            printer.out().printf("pool %s set: %s%s%s%n", name, Cells.selector(answer.path("selector")),
                    answer.has("floor") ? ", floor " + answer.path("floor").path("name").asText() : "",
                    answer.path("soft").asBoolean() ? ", soft facilities counted" : "");
            printer.out().flush();
        }
        return ExitCodes.OK;
    }
}
