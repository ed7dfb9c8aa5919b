package dev.gcm.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.hypervisor.probe.ProbeException;
import dev.gcm.hypervisor.record.HostRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the agent does for its libvirt hook before an incoming migration: reads the guest from the domain XML
 * (name, UUID, machine type, CPU model as this host's QEMU would run it), asks the planner's gate whether it
 * may come to this host, and answers in lines the hook prints as they are: 200 approved, 403 rejected (one
 * line per reason: code, message, features, decision id), anything else an error the hook handles by its
 * {@code GCM_HOOK_ON_ERROR}. Answers before the hook's own deadline, so the hook hears why.
 */
final class MigrationHook implements HookHttp.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationHook.class);
    static final String PATH = "/v1/libvirt/migrate-begin";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MARGIN = Duration.ofMillis(300);

    /** Reads an incoming guest from domain XML. */
    interface IncomingGuests {
        HostRecord.Guest read(String domainXml) throws ProbeException;
    }

    private final String hostId;
    private final IncomingGuests guests;
    private final PlannerCalls planner;
    private final HookSettings settings;
    private final Duration requestTimeout;
    private final MeterRegistry metrics;

    MigrationHook(String hostId, IncomingGuests guests, PlannerCalls planner, HookSettings settings,
                  Duration requestTimeout, MeterRegistry metrics) {
        this.hostId = hostId;
        this.guests = guests;
        this.planner = planner;
        this.settings = settings;
        this.requestTimeout = requestTimeout;
        this.metrics = metrics;
    }

    @Override
    public HookHttp.Reply handle(HookHttp.Request request) {
        if (!request.method().equals("POST") || !request.path().equals(PATH)) {
            return new HookHttp.Reply(404, "gcm: the agent's hook endpoint is POST " + PATH + "\n");
        }
        long start = System.nanoTime();
        Duration budget = budget(request.header("x-gcm-hook-timeout"));
        long[] asked = new long[2];
        HookHttp.Reply reply = decide(new String(request.body(), StandardCharsets.UTF_8), budget, asked);
        String verdict = reply.status() == 200 ? "approved" : reply.status() == 403 ? "rejected" : "error";
        Counter.builder("gcm.agent.hook.verdicts").tag("verdict", verdict).register(metrics).increment();
        LOG.info("incoming migration: {} in {} ms ({}): {}", verdict, (System.nanoTime() - start) / 1_000_000,
                asked[1] == 0 ? "no answer from the planner"
                        : "the planner's answer took " + (asked[1] - asked[0]) / 1_000_000 + " ms",
                reply.body().strip().replace('\n', ' '));
        return reply;
    }

    /** The time left to ask the planner: the hook's deadline less a margin to answer, at most GCM_TIMEOUT. */
    private Duration budget(String hookTimeout) {
        Duration hook = settings.deadline();
        if (hookTimeout != null) {
            try {
                hook = Duration.ofMillis(new BigDecimal(hookTimeout.strip()).movePointRight(3).longValue());
            } catch (NumberFormatException | ArithmeticException ignored) {
                // the configured deadline then
            }
        }
        Duration left = hook.minus(MARGIN);
        left = left.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : left;
        return left.compareTo(requestTimeout) < 0 ? left : requestTimeout;
    }

    /** The verdict on an incoming guest; {@code asked} gets when the planner was asked and when it answered. */
    private HookHttp.Reply decide(String xml, Duration budget, long[] asked) {
        HostRecord.Guest guest;
        try {
            guest = guests.read(xml);
        } catch (ProbeException e) {
            return new HookHttp.Reply(422, "gcm: cannot check the incoming migration: " + e.getMessage() + "\n");
        }
        PlannerCalls.Answer a;
        try {
            String body = request(guest);
            asked[0] = System.nanoTime();
            a = planner.send("POST", "/api/v1/migrations/check", body, budget);
            asked[1] = System.nanoTime();
        } catch (PlannerCalls.UnreachableException e) {
            return new HookHttp.Reply(503, "gcm: no GCM planner reachable to check the migration of '" + guest.name()
                    + "' to host '" + hostId + "': " + e.getMessage() + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HookHttp.Reply(503, "gcm: the agent was stopped while checking\n");
        }
        if (a.status() != 200) {
            return new HookHttp.Reply(502, "gcm: the GCM planner refused to check the migration of '" + guest.name()
                    + "' to host '" + hostId + "': " + a.status() + " " + a.body().strip() + "\n");
        }
        try {
            return verdict(guest, JSON.readTree(a.body()));
        } catch (IOException e) {
            return new HookHttp.Reply(502, "gcm: the GCM planner's answer is not JSON: " + e.getMessage() + "\n");
        }
    }

    private String request(HostRecord.Guest guest) {
        ObjectNode g = JSON.createObjectNode().put("name", guest.name());
        if (guest.uuid() != null) {
            g.put("uuid", guest.uuid());
        }
        if (guest.machineType() != null) {
            g.put("machineType", guest.machineType());
        }
        if (guest.cpuModel() != null) {
            g.set("model", CpuModelInfoJson.write(guest.cpuModel()));
        }
        ObjectNode body = JSON.createObjectNode().put("target", hostId).put("requestedBy", "libvirt-hook");
        body.set("guest", g);
        return body.toString();
    }

    static HookHttp.Reply verdict(HostRecord.Guest guest, JsonNode decision) {
        String id = decision.path("decisionId").asText("?");
        String who = "'" + guest.name() + "'" + (guest.uuid() == null ? "" : " (" + guest.uuid() + ")");
        if ("approved".equals(decision.path("decision").asText())) {
            return new HookHttp.Reply(200, "gcm: migration of " + who + " approved; decision " + id + "\n");
        }
        List<String> lines = new ArrayList<>();
        lines.add("gcm: the GCM planner rejected the migration of " + who + " to host '"
                + decision.path("target").asText("?") + "'; decision " + id);
        for (JsonNode r : decision.path("reasons")) {
            StringBuilder line = new StringBuilder("gcm: ").append(r.path("code").asText()).append(": ")
                    .append(r.path("message").asText());
            if (r.path("features").size() > 0) {
                List<String> features = new ArrayList<>();
                r.path("features").forEach(f -> features.add(f.asText()));
                line.append("; features: ").append(String.join(", ", features));
            }
            lines.add(line.append("; decision ").append(id).toString());
        }
        return new HookHttp.Reply(403, String.join("\n", lines) + "\n");
    }
}
