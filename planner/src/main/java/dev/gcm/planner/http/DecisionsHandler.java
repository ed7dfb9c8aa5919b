package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.json.InvalidJsonException;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.gate.GateOptions;
import dev.gcm.planner.gate.MigrationGate;
import dev.gcm.planner.index.IndexSnapshot;
import dev.gcm.planner.index.IndexedHost;
import dev.gcm.planner.model.Reason;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Migration checks, evacuation plans and the decision log. */
final class DecisionsHandler {

    private final Services s;
    private final ModelResolver resolver;
    private final java.util.Map<String, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();

    DecisionsHandler(Services s) {
        this.s = s;
        this.resolver = new ModelResolver(s.index().catalog());
    }

    /** A guest named in a request: its name, model and (optional) soft-facility fingerprint. */
    /** @param given the model as the request or the guest's host gave it (what the log keeps) */
    private record Guest(String name, CpuModel model, CpuModelInfo given, Optional<String> softFingerprint,
                         Optional<String> host) {
    }

    /** Optional facts about who asks about which guest, kept in the decision log (a libvirt hook sends them). */
    private record Provenance(Optional<String> guestUuid, Optional<String> machineType, Optional<String> requestedBy) {
    }

    private static final java.util.regex.Pattern UUID_FORM =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final java.util.regex.Pattern MACHINE_TYPE_FORM = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    private static final java.util.regex.Pattern REQUESTER_FORM = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    void check(RoutingContext ctx) {
        JsonNode body = Json.body(ctx);
        String target = text(body, "target", true);
        if (!AuthHandler.caller(ctx).mayCheckMigrationTo(target)) {
            throw new ApiError(403, "FORBIDDEN", "an agent token may ask only about migrations to its own host");
        }
        Optional<String> source = Optional.ofNullable(text(body, "source", false));
        Guest guest = guest(body.get("guest"), source);
        Provenance provenance = new Provenance(optional(body.get("guest"), "uuid", UUID_FORM, "$.guest.uuid"),
                optional(body.get("guest"), "machineType", MACHINE_TYPE_FORM, "$.guest.machineType"),
                optional(body, "requestedBy", REQUESTER_FORM, "$.requestedBy"));
        if (source.isPresent() && source.get().equals(target)) {
            throw ApiError.badRequest("SAME_HOST", "source and target are the same host '" + target + "'");
        }
        MigrationGate.Verdict v = s.gate().check(target, guest.model(), new GateOptions(guest.softFingerprint()));
        String id = UUID.randomUUID().toString();
        ObjectNode out = Views.verdict(v);
        out.put("decisionId", id);
        out.put("target", target);
        out.put("guest", guest.name());
        // the decision is in the log before the client has it
        HostsHandler.respond(ctx, log(ctx, id, guest, source, target, v, provenance), x -> Json.ok(ctx, out));
    }

    void evacuate(RoutingContext ctx) {
        JsonNode body = Json.body(ctx);
        String hostId = text(body, "host", true);
        IndexSnapshot snap = s.index().snapshot();
        IndexedHost host = snap.host(hostId).orElseThrow(() -> ApiError.notFound("no host '" + hostId + "'"));
        ArrayNode guests = Json.MAPPER.createArrayNode();
        for (HostRecord.Guest g : host.resolved().record().guests()) {
            CpuModel model = resolver.resolve(g.cpuModel());
            List<Candidate> candidates = new ArrayList<>();
            for (IndexedHost t : snap.hosts()) {
                if (!t.id().equals(hostId)) {
                    candidates.add(new Candidate(t.id(), s.gate().check(snap, t.id(), model, GateOptions.NONE)));
                }
            }
            candidates.sort(Comparator.comparing((Candidate c) -> !c.verdict.approved())
                    .thenComparingInt(c -> MigrationGate.fit(c.verdict)).thenComparing(Candidate::host));
            ObjectNode n = guests.addObject().put("guest", g.name());
            ArrayNode ok = n.putArray("targets");
            ArrayNode no = n.putArray("rejected");
            for (Candidate c : candidates) {
                if (c.verdict.approved()) {
                    ok.add(c.host);
                } else {
                    no.addObject().put("host", c.host).set("reasons", Views.reasons(c.verdict.reasons()));
                }
            }
        }
        Json.ok(ctx, Json.object().put("host", hostId).set("guests", guests));
    }

    private record Candidate(String host, MigrationGate.Verdict verdict) {
    }

    void list(RoutingContext ctx) {
        int limit = Math.min(1000, Math.max(1, intParam(ctx, "limit", 100)));
        Instant since = instantParam(ctx, "since");
        Future<List<String>> read = Future.fromCompletionStage(s.recorder().ringCaughtUp(2000),
                ctx.vertx().getOrCreateContext()).compose(x -> s.vertx().executeBlocking(() -> s.decisions().latest(limit)))
                .recover(e -> Future.failedFuture(GridErrors.apiError(e)));
        HostsHandler.respond(ctx, read, items -> {
            ArrayNode array = Json.MAPPER.createArrayNode();
            for (String item : items) {
                try {
                    JsonNode n = Json.MAPPER.readTree(item);
                    if (since == null || !Instant.parse(n.path("time").asText()).isBefore(since)) {
                        array.add(n);
                    }
                } catch (com.fasterxml.jackson.core.JsonProcessingException | java.time.DateTimeException e) {
                    // an entry we cannot read is left out
                }
            }
            Json.ok(ctx, Json.object().set("decisions", array));
        });
    }

    /** Records the decision (audit file, then the grid's ring); completes when it may be returned. */
    private Future<Void> log(RoutingContext ctx, String id, Guest guest, Optional<String> source, String target,
                             MigrationGate.Verdict v, Provenance provenance) {
        ObjectNode entry = Json.object().put("decisionId", id).put("time", Instant.ofEpochMilli(s.index().now()).toString())
                .put("caller", AuthHandler.caller(ctx).name()).put("guest", guest.name())
                .put("target", target).put("decision", v.approved() ? "approved" : "rejected");
        source.ifPresent(x -> entry.put("source", x));
        provenance.guestUuid().ifPresent(x -> entry.put("guestUuid", x));
        provenance.machineType().ifPresent(x -> entry.put("machineType", x));
        provenance.requestedBy().ifPresent(x -> entry.put("requestedBy", x));
        entry.set("model", CpuModelInfoJson.write(guest.given()));
        entry.set("reasons", Json.strings(v.reasons().stream().map(r -> r.code().name()).toList()));
        if (v.approved()) {
            counter("approved", "none").increment();
        }
        for (Reason r : v.reasons()) {
            counter("rejected", r.code().name()).increment();
        }
        return Future.fromCompletionStage(s.recorder().record(entry.toString()), ctx.vertx().getOrCreateContext())
                .recover(e -> Future.failedFuture(new ApiError(503, "DECISION_LOG_UNAVAILABLE",
                        "the decision could not be recorded, so it is not given: " + e.getMessage())));
    }

    private Counter counter(String result, String reason) {
        return counters.computeIfAbsent(result + "/" + reason, k -> Counter.builder("gcm.decisions")
                .description("migration decisions by result and reason").tag("result", result).tag("reason", reason)
                .register(s.metrics()));
    }

    private Guest guest(JsonNode node, Optional<String> source) {
        if (node == null || !node.isObject()) {
            throw field("$.guest", "expected {\"name\": ..., \"model\": CpuModelInfo} or a guest name known from a host");
        }
        String name = node.path("name").asText(null);
        Optional<String> fingerprint = Optional.ofNullable(node.get("softFingerprint")).map(JsonNode::asText);
        if (node.hasNonNull("model")) {
            try {
                CpuModelInfo info = CpuModelInfoJson.read(node.get("model"), "$.guest.model");
                return new Guest(name == null ? "(unnamed)" : name, resolver.resolve(info), info, fingerprint, source);
            } catch (InvalidJsonException e) {
                throw Json.invalid(e);
            } catch (IllegalArgumentException e) {
                throw field("$.guest.model", e.getMessage());
            }
        }
        if (name == null) {
            throw field("$.guest", "name the guest, or give its model");
        }
        for (IndexedHost h : s.index().hosts()) {
            if (source.isPresent() && !source.get().equals(h.id())) {
                continue;
            }
            for (HostRecord.Guest g : h.resolved().record().guests()) {
                if (g.name().equals(name)) {
                    return new Guest(name, resolver.resolve(g.cpuModel()), g.cpuModel(), fingerprint, Optional.of(h.id()));
                }
            }
        }
        throw new ApiError(400, "GUEST_UNKNOWN", "no host reports a guest named '" + name + "'"
                + source.map(x -> " on host '" + x + "'").orElse(""), Json.object().put("field", "$.guest.name"));
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw field("$." + field, "is required");
            }
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw field("$." + field, "expected a host id");
        }
        return n.asText();
    }

    /** An optional text field of {@code node} that must have the given form. */
    private static Optional<String> optional(JsonNode node, String field, java.util.regex.Pattern form, String path) {
        JsonNode n = node == null ? null : node.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual() || !form.matcher(n.asText()).matches()) {
            throw field(path, "expected text of the form " + form.pattern());
        }
        return Optional.of(n.asText());
    }

    private static int intParam(RoutingContext ctx, String name, int fallback) {
        String v = ctx.request().getParam(name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("INVALID_PARAMETER", name + " must be a whole number");
        }
    }

    private static Instant instantParam(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (java.time.DateTimeException e) {
            throw ApiError.badRequest("INVALID_PARAMETER", name + " must be an instant such as 2026-11-22T10:00:00Z");
        }
    }

    private static ApiError field(String field, String message) {
        return new ApiError(400, "INVALID_JSON", field + ": " + message, Json.object().put("field", field));
    }
}
