package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.gcm.Deprecation;
import dev.gcm.facilitydb.gcm.GcmResult;
import dev.gcm.facilitydb.gcm.ReleaseBound;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.json.GcmJson;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.facilitydb.release.QemuView;
import dev.gcm.hypervisor.record.HostRelease;
import dev.gcm.planner.gate.MigrationGate;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.IndexSnapshot;
import dev.gcm.planner.index.IndexedHost;
import dev.gcm.planner.index.Liveness;
import dev.gcm.planner.index.PoolGcm;
import dev.gcm.planner.model.Pool;
import dev.gcm.planner.model.Reason;
import dev.gcm.planner.plan.Capped;
import dev.gcm.planner.plan.Evacuation;
import dev.gcm.planner.plan.Heatmap;
import dev.gcm.planner.plan.InvalidQuestion;
import dev.gcm.planner.plan.WhatIf;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The JSON shapes of the API's answers. */
final class Views {

    private Views() {
    }

    static ObjectNode definition(CpuDefinition d) {
        return Json.object().put("name", d.name()).put("machineType", d.machineTypeText())
                .put("generation", d.generation()).put("ga", d.ga()).put("ibc", d.ibc().toString());
    }

    static ObjectNode model(Catalog catalog, CpuModel m) {
        ObjectNode node = Json.object();
        node.set("qemu", CpuModelInfoJson.write(Expansion.staticForm(catalog, m)));
        node.set("definition", definition(m.definition()));
        node.put("ibc", m.ibc().toString());
        node.set("features", Json.strings(catalog.names(m.features())));
        return node;
    }

    static ObjectNode hostSummary(FleetIndex index, IndexSnapshot snap, IndexedHost h) {
        long now = index.now();
        Optional<Liveness> live = h.heard().get();
        ObjectNode node = Json.object().put("hostId", h.id());
        node.put("state", index.stale(live.orElse(null)) ? "stale" : "fresh");
        node.put("cordoned", h.cordoned());
        node.put("leaving", h.leaving());
        node.put("machineType", h.resolved().record().machine().machineType());
        node.put("definition", h.model().definition().name());
        h.resolved().ibcRange().ifPresent(r -> node.put("ibcLowest", r.lowest().toString())
                .put("ibcUnblocked", r.unblocked().toString()));
        node.put("ageSeconds", live.map(l -> Math.max(0, (now - l.receivedAtMillis()) / 1000)).orElse(0L));
        node.put("seq", live.map(Liveness::seq).orElse(0L));
        node.put("guests", h.resolved().record().guests().size());
        node.set("pools", Json.strings(snap.poolsOf(h.id())));
        ObjectNode labels = node.putObject("labels");
        new java.util.TreeMap<>(h.resolved().record().labels()).forEach(labels::put);
        return node;
    }

    static ObjectNode host(FleetIndex index, IndexSnapshot snap, IndexedHost h, String recordJson) {
        ObjectNode node = hostSummary(index, snap, h);
        node.set("qemu", qemu(h.resolved().release()));
        try {
            node.set("record", Json.MAPPER.readTree(recordJson));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("host " + h.id() + ": the grid holds a record that is not JSON", e);
        }
        return node;
    }

    static ObjectNode gcm(Catalog catalog, PoolGcm g) {
        ObjectNode node = Json.object().put("pool", g.pool()).put("version", g.version()).put("hostCount", g.hostCount());
        node.put("common", g.model().isPresent());
        g.model().ifPresent(m -> node.setAll(model(catalog, m)));
        if (g.model().isPresent() && g.options().deprecatedFeaturesOff()) {
            // the deprecated features switched off explicitly, in the release's view: what -o args and -o libvirt print
            Catalog view = QemuView.of(catalog, g.release().release()).catalog();
            node.set("qemu", CpuModelInfoJson.write(Expansion.staticFormDeprecatedOff(view, g.model().get())));
        }
        node.set("options", Json.object().put("strictIbc", g.options().strictIbc())
                .put("deprecatedFeatures", g.options().deprecatedFeaturesOff() ? Pool.OFF : Pool.ON));
        node.set("qemuView", qemuView(g.release()));
        g.softFingerprint().ifPresent(f -> node.put("softFingerprint", f));
        node.set("limitedBy", GcmJson.limits(g.limits()));
        // what the deprecated features the limiting hosts lack mean, as the offline gcm baseline says it
        List<String> deprecated = g.limits().stream().flatMap(l -> l.deprecated().stream()).distinct().toList();
        Deprecation.consequence(catalog, catalog.featureSet(deprecated)).ifPresent(c -> node.put("deprecation", c));
        node.set("conflicts", GcmJson.conflicts(g.conflicts()));
        ObjectNode q = node.putObject("quarantined");
        g.quarantined().forEach(q::put);
        node.set("stale", Json.strings(g.stale()));
        return node;
    }

    /**
     * What a host's QEMU knows: its release ({@code version}, null when the record names none), and the machine
     * types it runs, as reported or derived from the release ({@code machineTypesReported}).
     */
    static ObjectNode qemu(HostRelease r) {
        ObjectNode n = Json.object().put("version", r.version().map(v -> v.major() + "." + v.minor()).orElse(null));
        n.put("view", r.view().release().major() + "." + r.view().release().minor());
        r.machineTypes().ifPresent(m -> n.set("machineTypes", Json.strings(m)));
        n.put("machineTypesReported", r.machineTypesReported());
        return n;
    }

    /**
     * Which QEMU release the GCM is computed in and which host's QEMU bounds it: {@code version} ("7.2"),
     * {@code boundedBy} (the first such host by id, null when no member names its release), {@code boundingHosts}
     * (the first 100 and {@code boundingHostCount}), what the view left out, and one sentence.
     */
    static ObjectNode qemuView(ReleaseBound b) {
        ObjectNode n = Json.object().put("version", b.release().major() + "." + b.release().minor());
        n.put("boundedBy", b.hosts().isEmpty() ? null : b.hosts().get(0));
        n.set("boundingHosts", Json.strings(b.hosts().subList(0, Math.min(100, b.hosts().size()))));
        n.put("boundingHostCount", b.hosts().size());
        n.set("featuresLeftOut", Json.strings(b.featuresLeftOut()));
        ObjectNode reduced = n.putObject("reduced");
        b.reduced().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).limit(100)
                .forEach(e -> reduced.put(e.getKey(), e.getValue()));
        n.put("sentence", b.sentence());
        return n;
    }

    static ObjectNode comparison(Comparison.Result r) {
        ObjectNode node = Json.object().put("result", r.result().qemuName());
        node.set("responsible-properties", Json.strings(r.responsibleProperties()));
        return node;
    }

    static ArrayNode reasons(List<Reason> reasons) {
        return Json.MAPPER.valueToTree(reasons);
    }

    static ObjectNode gcmResult(Catalog catalog, GcmResult r) {
        ObjectNode n = Json.object().put("hostCount", r.hostCount()).put("common", r.hasCommonModel());
        r.model().ifPresent(m -> n.setAll(model(catalog, m)));
        n.set("conflicts", GcmJson.conflicts(r.conflicts()));
        return n;
    }

    static ObjectNode whatIf(Catalog catalog, WhatIf.Answer a) {
        ObjectNode out = Json.object().put("pool", a.pool()).put("version", a.version());
        out.set("before", gcmResult(catalog, a.before()));
        ObjectNode after = gcmResult(catalog, a.after());
        after.set("limitedBy", GcmJson.limits(a.afterLimits()));
        out.set("after", after);
        ArrayNode added = out.putArray("added");
        for (WhatIf.Added h : a.added()) {
            ObjectNode n = added.addObject().put("id", h.host().id()).put("origin", h.origin())
                    .put("definition", h.host().model().definition().name())
                    .put("features", h.host().model().features().size());
            h.host().ibcRange().ifPresent(r -> n.put("ibcLowest", r.lowest().toString())
                    .put("ibcUnblocked", r.unblocked().toString()));
            h.host().qemu().ifPresent(v -> n.put("qemu", v.toString()));
        }
        capped(out, "guestsLosingTheirLastTarget", "guestsLosingTheirLastTargetCount", a.losingLastTarget(), WhatIf.MAX_LISTED, Views::guestOnHost);
        capped(out, "guestsThatCannotRunOnAddedHosts", "guestsThatCannotRunOnAddedHostsCount", a.cannotRunOnAdded(), WhatIf.MAX_LISTED, Views::guestOnHost);
        return out;
    }

    /**
     * A guest that loses its place: {@code reasons} (the gate's, each naming a host), {@code refusedBy} (per kind
     * of host: its first hosts, how many, the reasons) and, for a guest losing its last target, the removed hosts
     * that would have taken it.
     */
    private static JsonNode guestOnHost(WhatIf.GuestOnHost g) {
        ObjectNode n = Json.object().put("guest", g.guest()).put("host", g.host());
        g.addedHost().ifPresent(h -> n.put("addedHost", h));
        ArrayNode all = n.putArray("reasons");
        g.refusedBy().items().forEach(r -> all.addAll(reasons(r.reasons())));
        capped(n, "refusedBy", "refusedByCount", g.refusedBy(), WhatIf.MAX_REFUSING_KINDS, r -> {
            ObjectNode k = Json.object().put("hostCount", r.hostCount());
            k.set("hosts", Json.strings(r.hosts()));
            return k.set("reasons", reasons(r.reasons()));
        });
        if (g.addedHost().isEmpty()) {
            capped(n, "removedTargets", "removedTargetCount", g.removedTargets(), WhatIf.MAX_REMOVED_TARGETS,
                    TextNode::valueOf);
        }
        return n;
    }

    static ObjectNode evacuation(Evacuation.Plan plan) {
        ObjectNode out = Json.object().put("host", plan.host());
        ArrayNode guests = out.putArray("guests");
        for (Evacuation.GuestPlan g : plan.guests()) {
            ObjectNode n = guests.addObject().put("guest", g.guest());
            capped(n, "targets", "targetCount", g.targets(), Evacuation.MAX_LISTED, TextNode::valueOf);
            capped(n, "rejected", "rejectedCount", g.rejected(), Evacuation.MAX_LISTED,
                    r -> Json.object().put("host", r.host()).set("reasons", reasons(r.reasons())));
        }
        return out;
    }

    static ObjectNode heatmap(Heatmap.Result h) {
        ObjectNode out = Json.object().put("pool", h.pool()).put("hostCount", h.hostCount())
                .put("commonCount", h.commonCount());
        ArrayNode rows = out.putArray("rows");
        for (Heatmap.Row r : h.rows()) {
            rows.addObject().put("count", r.hosts().size()).set("hosts", Json.strings(r.hosts()));
        }
        ArrayNode features = out.putArray("features");
        for (Heatmap.Column c : h.features()) {
            ObjectNode n = features.addObject().put("name", c.feature().name())
                    .put("kind", c.feature().kind().description()).put("description", c.feature().description());
            ArrayNode with = n.putArray("rows");
            c.rows().forEach(with::add);
            n.put("hostCount", c.hostCount());
        }
        return out;
    }

    /** A list that may have been cut: its first entries, their full count, and whether it was cut. */
    private static <T> void capped(ObjectNode out, String name, String count, Capped<T> list, int max,
                                   Function<T, JsonNode> view) {
        ArrayNode array = out.putArray(name);
        list.items().forEach(i -> array.add(view.apply(i)));
        out.put(count, list.count());
        if (list.count() > max) {
            out.put(name + "Truncated", true);
        }
    }

    static ApiError invalid(InvalidQuestion e) {
        return new ApiError(400, e.code(), e.field() + ": " + e.getMessage(), Json.object().put("field", e.field()));
    }
}
