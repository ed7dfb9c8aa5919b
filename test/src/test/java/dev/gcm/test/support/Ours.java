package dev.gcm.test.support;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmResult;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.facilitydb.qemu.ModelResolver;
import java.util.List;
import java.util.Optional;

/** Our side of a differential test: the catalog as the oracle's QEMU release knows it. */
public final class Ours {

    private final Catalog catalog;
    private final ModelResolver resolver;

    public Ours(QemuVersion qemu) {
        this.catalog = Catalog.load().forQemu(qemu);
        this.resolver = new ModelResolver(catalog);
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The resolved model, or empty when we refuse it (as QEMU should). */
    public Optional<CpuModel> resolve(CpuModelInfo info) {
        try {
            return Optional.of(resolver.resolve(info));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Optional<CpuModelInfo> expand(CpuModelInfo info, Expansion.Type type) {
        return resolve(info).map(m -> Expansion.expand(catalog, m, type));
    }

    /** The n-way GCM in QEMU's static form; empty when an input is refused or there is no common model. */
    public Optional<CpuModelInfo> gcm(List<CpuModelInfo> fleet) {
        List<Optional<CpuModel>> models = fleet.stream().map(this::resolve).toList();
        if (models.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        GcmResult r = Gcm.ofModels(catalog, models.stream().map(Optional::get).toList());
        return r.model().map(m -> Expansion.staticForm(catalog, m));
    }

    public Optional<Comparison.Result> compare(CpuModelInfo a, CpuModelInfo b) {
        Optional<CpuModel> ma = resolve(a);
        Optional<CpuModel> mb = resolve(b);
        if (ma.isEmpty() || mb.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Comparison.compare(catalog, ma.get(), mb.get()));
    }

    public static QemuVersion versionOf(com.fasterxml.jackson.databind.JsonNode queryVersion) {
        var q = queryVersion.get("qemu");
        return new QemuVersion(q.get("major").asInt(), q.get("minor").asInt(), q.get("micro").asInt());
    }
}
