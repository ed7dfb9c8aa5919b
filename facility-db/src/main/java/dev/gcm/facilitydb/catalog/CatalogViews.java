package dev.gcm.facilitydb.catalog;

import dev.gcm.facilitydb.model.FeatureSet;
import java.util.List;

/** Builds the view of a catalog as an older QEMU release knew it. */
final class CatalogViews {

    private CatalogViews() {
    }

    static Catalog restrict(Catalog full, QemuVersion release) {
        List<Feature> features = full.features().stream()
                .filter(f -> release.atLeast(f.sinceQemu()))
                .toList();
        FeatureSet.Builder knownBits = FeatureSet.builder();
        features.forEach(f -> knownBits.add(f.index()));
        FeatureSet known = knownBits.build();
        List<FeatureGroup> groups = full.groups().stream()
                .filter(g -> release.atLeast(g.sinceQemu()))
                .map(g -> new FeatureGroup(g.index(), g.name(), g.description(), g.sinceQemu(),
                        g.features().and(known)))
                .toList();
        List<CpuDefinition> definitions = full.definitions().stream()
                .filter(d -> release.atLeast(d.sinceQemu()))
                .map(d -> new CpuDefinition(d.index(), d.name(), d.machineType(), d.generation(), d.ga(), d.ibc(),
                        d.description(), d.sinceQemu(), d.featureLevel(),
                        d.base().and(known), d.defaults().and(known), d.full().and(known)))
                .toList();
        return new Catalog(release, full.indexLimit(), features, groups, definitions, full.ignoredBaseFeatures(),
                full.releases());
    }
}
