package dev.gcm.hypervisor.record;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.hypervisor.record.InvalidHostRecordException.Violation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A record's models must be ones its own QEMU knows: a host model or a guest model that names a definition or a
 * feature its release does not know (or a definition missing from its reported {@code cpuDefinitions}) cannot
 * have come from that QEMU, so the record is refused, naming the field. A record that names no release is
 * checked against the newest catalog only (as before). Models are read in the release's view only to check;
 * they stay resolved in the newest catalog so that every host's models compare with each other.
 */
final class ReleaseCheck {

    private final Catalog catalog;
    private final Map<QemuVersion, ModelResolver> resolvers = new ConcurrentHashMap<>();

    ReleaseCheck(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The host's release, adding a violation for every model its QEMU would not know; null when it has none. */
    HostRelease check(HostRecord r, List<Violation> v) {
        HostRelease release;
        try {
            release = HostRelease.of(catalog, r.hypervisor());
        } catch (IllegalArgumentException e) {
            v.add(new Violation("$.hypervisor.qemuVersion", e.getMessage()));
            return null;
        }
        if (release.version().isEmpty()) {
            return release;
        }
        QemuVersion version = release.version().get();
        ModelResolver resolver = resolvers.computeIfAbsent(version, x -> new ModelResolver(release.view().catalog()));
        known(resolver, release, r.hostModel(), "$.hostModel", v);
        for (int i = 0; i < r.guests().size(); i++) {
            HostRecord.Guest g = r.guests().get(i);
            if (g != null) {
                known(resolver, release, g.cpuModel(), "$.guests[" + i + "].cpuModel", v);
            }
        }
        return release;
    }

    private static void known(ModelResolver resolver, HostRelease release, CpuModelInfo info, String field,
                              List<Violation> v) {
        if (info == null || info.name() == null) {
            return;
        }
        try {
            var model = resolver.resolve(info);
            if (!release.knowsDefinition(model.definition())) {
                v.add(new Violation(field + ".name", "the host's QEMU does not list " + info.name()
                        + " in hypervisor.cpuDefinitions"));
            }
        } catch (IllegalArgumentException e) {
            v.add(new Violation(field, e.getMessage() + " (in the view of " + release
                    + ", the release this record names: a model its QEMU does not know)"));
        }
    }
}
