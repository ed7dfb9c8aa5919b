package dev.gcm.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.cli.online.PlannerClient;
import dev.gcm.cli.output.LimitGroups;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.hypervisor.record.HostRecord;
import java.io.PrintWriter;
import java.util.List;

/** What the demo prints when its fleet is in: the pool's GCM, what limits it, one approval, one rejection. */
final class DemoSummary {

    private final PlannerClient client;
    private final PrintWriter out;

    DemoSummary(PlannerClient client, PrintWriter out) {
        this.client = client;
        this.out = out;
    }

    void print(List<HostRecord> fleet, long seed) {
        JsonNode gcm = client.get("/pools/default/gcm");
        out.printf("GCM Planner demo: %d simulated hosts (seed %d)%n%n", fleet.size(), seed);
        if (gcm.path("common").asBoolean()) {
            JsonNode d = gcm.path("definition");
            out.printf("Pool 'default' GCM:  %s (generation %d GA %d, IBC %s), %d features%n", d.path("name").asText(),
                    d.path("generation").asInt(), d.path("ga").asInt(), gcm.path("ibc").asText(),
                    gcm.path("features").size());
            out.printf("QEMU -cpu:           %s%n", CpuModelInfoJson.read(gcm.path("qemu"), "qemu").toCpuArgument());
        } else {
            out.printf("Pool 'default' has no common model: %s%n", gcm.path("conflicts").path(0).path("message").asText());
        }
        for (LimitGroups.Group g : LimitGroups.of(gcm.path("limitedBy"))) {
            out.printf("Limited by:          %s%n", g.sentence(6));
        }
        out.println();
        decisions(fleet);
        out.flush();
    }

    /** The first approved and the first rejected migration found, with the gate's reasons. */
    private void decisions(List<HostRecord> fleet) {
        boolean approved = false;
        boolean rejected = false;
        for (HostRecord source : fleet) {
            for (HostRecord.Guest g : source.guests()) {
                for (HostRecord target : fleet) {
                    if (target == source || approved && rejected) {
                        continue;
                    }
                    ObjectNode body = JsonNodeFactory.instance.objectNode().put("source", source.hostId())
                            .put("target", target.hostId());
                    body.putObject("guest").put("name", g.name());
                    JsonNode d = client.post("/migrations/check", body);
                    boolean ok = "approved".equals(d.path("decision").asText());
                    if (ok ? approved : rejected) {
                        continue;
                    }
                    out.printf("Migration %s (%s) %s -> %s: %s%n", g.name(), g.cpuModel().toCpuArgument(),
                            source.hostId(), target.hostId(), d.path("decision").asText().toUpperCase(java.util.Locale.ROOT));
                    for (JsonNode r : d.path("reasons")) {
                        out.printf("    %s: %s%n", r.path("code").asText(), r.path("message").asText());
                    }
                    approved |= ok;
                    rejected |= !ok;
                }
            }
        }
    }
}
