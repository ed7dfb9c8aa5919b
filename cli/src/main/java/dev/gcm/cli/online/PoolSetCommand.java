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

/**
 * {@code gcm pools set NAME --selector k=v ... [--floor MODEL] [--soft] [--strict-ibc] [--deprecated-features off]}:
 * define or redefine a pool.
 */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Define a pool: the hosts whose labels match every --selector pair. A --floor model "
                + "quarantines hosts that cannot run it instead of letting them lower the GCM; --soft lets the "
                + "pool's GCM count soft (hypervisor-emulated) facilities; --strict-ibc rejects guests (and a GCM) "
                + "below a host's lowest IBC instead of running them with their IBC raised; --deprecated-features "
                + "off computes the GCM without the features QEMU deprecates (csske, bpb, te, cte)."},
        header = "Define or redefine a pool: a label selector, a floor model (admin).",
        footer = {"", "Examples:", "  gcm pools set zone-a --selector zone=a", "  gcm pools set evc-z14 "
                + "--selector site=north --floor z14",
                "  gcm pools set soft --selector zone=a --soft",
                "  gcm pools set strict --selector zone=a --strict-ibc --deprecated-features off"})
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

    @Option(names = "--strict-ibc", description = "Demand identical instruction blocking: a guest or GCM below a "
            + "member's lowest IBC is rejected (IBC_BELOW_LOWEST) instead of running with its IBC raised (IBC_RAISED).")
    boolean strictIbc;

    @Option(names = "--deprecated-features", paramLabel = "on|off", defaultValue = "on",
            description = "off: the pool's GCM leaves out the features QEMU deprecates, as libvirt's "
                    + "deprecated_features='off' does, so hosts that dropped them do not hold it down (default: on).")
    DeprecatedFeatures deprecatedFeatures;

    /** The values of --deprecated-features. */
    public enum DeprecatedFeatures { ON, OFF }

    @Override
    protected int run(PlannerClient client, Printer printer) throws Exception {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode sel = body.putObject("selector");
        selector.forEach(sel::put);
        if (floor != null) {
            body.set("floor", CpuModelInfoJson.write(ModelInput.read(floor)));
        }
        body.put("soft", soft);
        body.put("strictIbc", strictIbc);
        body.put("deprecatedFeatures", deprecatedFeatures.name().toLowerCase(java.util.Locale.ROOT));
        JsonNode answer = client.put("/pools/" + segment(name, "pool"), body);
        if (printer.output().isDocument()) {
            printer.document(Printer.document("Pool", answer));
        } else {
            printer.out().printf("pool %s set: %s%s%s%s%s%n", name, Cells.selector(answer.path("selector")),
                    answer.has("floor") ? ", floor " + answer.path("floor").path("name").asText() : "",
                    answer.path("soft").asBoolean() ? ", soft facilities counted" : "",
                    answer.path("strictIbc").asBoolean() ? ", strict IBC" : "",
                    "off".equals(answer.path("deprecatedFeatures").asText()) ? ", deprecated features off" : "");
            printer.out().flush();
        }
        return ExitCodes.OK;
    }
}
