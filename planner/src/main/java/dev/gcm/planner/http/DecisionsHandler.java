package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.RecordBounds;
import dev.gcm.planner.gate.GateOptions;
import dev.gcm.planner.gate.MigrationGate;
import dev.gcm.planner.grid.HzDecisionLog;
import dev.gcm.planner.index.IndexSnapshot;
import dev.gcm.planner.index.IndexedHost;
import dev.gcm.planner.model.Reason;
import dev.gcm.planner.model.ReasonCode;
import dev.gcm.planner.plan.Evacuation;
import dev.gcm.planner.plan.InvalidQuestion;
import dev.gcm.planner.state.NewestDecisions;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Migration checks (on the event loop: one gate decision; a guest named without its host is looked up
 * over the fleet on the worker pool), evacuation plans and the decision log (on the worker pool).
 */
final class DecisionsHandler {

    private final Services s;
    private final ModelCache models;
    private final Evacuation evacuation;
    /** Decision ids: this handler's random half, then a counter (unique without a shared random source). */
    private final long idPrefix = new java.security.SecureRandom().nextLong();
    private final AtomicLong idCounter = new AtomicLong();
    /** Rejections by reason, one counter per code made up front (a check only increments). */
    private final Map<ReasonCode, Counter> rejectedBy = new EnumMap<>(ReasonCode.class);
    private final DecisionBatcher batcher;
    private final Counter approvedCounter;

    DecisionsHandler(Services s) {
        this.s = s;
        this.models = new ModelCache(new ModelResolver(s.index().catalog()));
        this.evacuation = new Evacuation(s.index(), s.gate());
        this.batcher = new DecisionBatcher(s.recorder()::record);
        this.approvedCounter = counter("approved", "none");
        for (ReasonCode code : ReasonCode.values()) {
            rejectedBy.put(code, counter("rejected", code.name()));
        }
    }

    /**
     * A guest of a check: its name, model, the model as given (what the log keeps), its host if known and its
     * machine type if its host's record names it.
     */
    private record Guest(String name, CpuModel model, CpuModelInfo given, Optional<String> host,
                         Optional<String> machineType) {
    }

    /**
     * A check. The guest's source is the request's, else the planner's records: the host that reports a guest of
     * that name (when the model is given, only if exactly one host does).
     */
    void check(RoutingContext ctx) {
        CheckBody body = CheckBody.parse(Json.body(ctx), models);
        if (!Door.caller(ctx).mayCheckMigrationTo(body.target())) {
            throw new ApiError(403, "FORBIDDEN", "an agent token may ask only about migrations to its own host");
        }
        Optional<String> sole = body.source().isPresent() || body.name().isEmpty() ? Optional.empty()
                : s.index().snapshot().soleHostOf(body.name().get());
        Optional<String> source = body.source().or(() -> sole);
        if (body.model().isPresent()) {
            decide(ctx, body, new Guest(body.name().orElse("(unnamed)"), body.model().get(), body.given().get(),
                    source, Optional.empty()));
        } else if (source.isPresent()) {
            decide(ctx, body, guestOf(body.name().get(), source));
        } else {
            Replies.respond(ctx, s.work().submit(Replies.callerKey(ctx), () -> guestOf(body.name().get(), Optional.empty())),
                    guest -> decide(ctx, body, guest));
        }
    }

    private void decide(RoutingContext ctx, CheckBody body, Guest guest) {
        Optional<String> machineType = body.provenance().machineType().or(guest::machineType);
        MigrationGate.Verdict v = s.gate().check(body.target(), guest.model(),
                new GateOptions(body.softFingerprint(), machineType));
        DecisionJson.Subject subject = new DecisionJson.Subject(new UUID(idPrefix, idCounter.incrementAndGet()).toString(),
                body.target(), guest.name(), guest.host());
        Buffer answer = DecisionJson.answer(v, subject);
        // the decision is in the log before the client has it
        Replies.respond(ctx, log(ctx, subject, guest, v, body.provenance()), x -> Json.okWritten(ctx, answer));
    }

    void evacuate(RoutingContext ctx) {
        JsonNode body = Json.body(ctx);
        BodyFields.only(body, "$", Set.of("host", "guests"));
        String hostId = BodyFields.text(body, "host", "$", true, BodyFields.MAX_HOST_ID);
        Set<String> guests = new HashSet<>();
        JsonNode names = BodyFields.array(body, "guests", "$", RecordBounds.MAX_GUESTS, "guest names");
        for (int i = 0; names != null && i < names.size(); i++) {
            if (!names.get(i).isTextual()) {
                throw Json.badField("$.guests[" + i + "]", "expected a guest name");
            }
            guests.add(names.get(i).asText());
        }
        Replies.work(ctx, s, () -> {
            try {
                return Views.evacuation(evacuation.plan(hostId, guests)
                        .orElseThrow(() -> ApiError.notFound("no host '" + hostId + "'")));
            } catch (InvalidQuestion e) {
                throw Views.invalid(e);
            }
        });
    }

    void list(RoutingContext ctx) {
        int limit = Math.min(HzDecisionLog.MAX_LATEST, Math.max(1, intParam(ctx, "limit", 100)));
        Instant since = instantParam(ctx, "since");
        // every decision this member returned without an audit file is in the ring before the list is read;
        // the members are asked for theirs and the list is built on the worker pool
        Future<io.vertx.core.buffer.Buffer> answer = Future.fromCompletionStage(s.recorder().ringCaughtUp(2000),
                ctx.vertx().getOrCreateContext()).compose(x -> s.work().submit(Replies.callerKey(ctx),
                        () -> Json.bytes(decisions(s.decisions().everywhere(limit), since, limit))))
                .recover(e -> Future.failedFuture(GridErrors.apiError(e)));
        Replies.respond(ctx, answer, bytes -> Json.okWritten(ctx, bytes));
    }

    private static JsonNode decisions(HzDecisionLog.Gathered gathered, Instant since, int limit) {
        ArrayNode array = Json.array();
        NewestDecisions.of(gathered.entries(), since, limit).forEach(array::add);
        ArrayNode unanswered = Json.array();
        gathered.unanswered().forEach(unanswered::add);
        return Json.object().<ObjectNode>set("decisions", array)
                .set("unansweredMembers", unanswered);
    }

    /** Records the decision (audit file, then the grid's ring); completes when it may be returned. */
    private Future<Void> log(RoutingContext ctx, DecisionJson.Subject subject, Guest guest, MigrationGate.Verdict v,
                             CheckBody.Provenance provenance) {
        String entry = DecisionJson.entry(v, subject, new DecisionJson.Entry(
                LogTime.of(s.index().now()), Door.caller(ctx).name(), provenance.guestUuid(),
                provenance.machineType(), provenance.requestedBy(), guest.given()));
        if (v.approved()) {
            approvedCounter.increment();
        }
        for (Reason r : v.reasons()) {
            rejectedBy.get(r.code()).increment();
        }
        return batcher.record(entry)
                .recover(e -> Future.failedFuture(s.quorum().getAsBoolean()
                        ? new ApiError(503, "DECISION_LOG_UNAVAILABLE", "the decision could not be recorded, so it is"
                                + " not given: " + e.getMessage())
                        : new ApiError(503, "NO_QUORUM", "this planner member cannot see a majority of the cluster and"
                                + " has no audit file to record a decision in; ask another member")));
    }

    private Counter counter(String result, String reason) {
        return Counter.builder("gcm.decisions").description("migration decisions by result and reason")
                .tag("result", result).tag("reason", reason).register(s.metrics());
    }

    /** A guest named as a host reports it: on the source host when given, else on any host (a scan of the fleet). */
    private Guest guestOf(String name, Optional<String> source) {
        List<IndexedHost> hosts = source.map(id -> s.index().host(id).stream().toList()).orElseGet(s.index()::hosts);
        for (IndexedHost h : hosts) {
            for (HostRecord.Guest g : h.resolved().record().guests()) {
                if (g.name().equals(name)) {
                    return new Guest(name, h.resolved().guestModels().get(name), g.cpuModel(), Optional.of(h.id()),
                            Optional.ofNullable(g.machineType()));
                }
            }
        }
        throw new ApiError(400, "GUEST_UNKNOWN", "no host reports a guest named '" + name + "'"
                + source.map(x -> " on host '" + x + "'").orElse(""), Json.object().put("field", "$.guest.name"));
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
}
