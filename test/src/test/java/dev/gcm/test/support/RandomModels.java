package dev.gcm.test.support;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.FeatureGroup;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random CPU models and fleets, written as QEMU CpuModelInfo so that both our resolver and QEMU
 * read the same input: named and static forms, features and groups switched off (as firmware, LPARs
 * and z/VM mask them), sometimes switched on within the definition's full set. Half the definitions are of
 * generation 15 and later (gen17 where the release knows it); features a release knows beyond QEMU 7.2 are
 * favoured when switching features on.
 */
public final class RandomModels {

    private final Catalog catalog;
    private final Random random;
    private final FeatureSet newerThan72;

    public RandomModels(Catalog catalog, long seed) {
        this.catalog = catalog;
        this.random = new Random(seed);
        this.newerThan72 = catalog.knownFeatures().andNot(catalog.forQemu(QemuVersion.parse("7.2")).knownFeatures());
    }

    public Random random() {
        return random;
    }

    public CpuDefinition anyDefinition() {
        List<CpuDefinition> defs = catalog.definitions();
        // favour the generations clusters run today, the newest most
        int r = random.nextInt(8);
        if (r < 4) {
            List<CpuDefinition> newest = defs.stream().filter(d -> d.generation() >= 15).toList();
            return newest.get(random.nextInt(newest.size()));
        }
        if (r < 7) {
            List<CpuDefinition> modern = defs.stream().filter(d -> d.generation() >= 12).toList();
            return modern.get(random.nextInt(modern.size()));
        }
        return defs.get(random.nextInt(defs.size()));
    }

    public CpuModelInfo model() {
        return model(anyDefinition());
    }

    /** A model of the given definition with random switches. */
    public CpuModelInfo model(CpuDefinition def) {
        boolean isStatic = random.nextInt(3) == 0;
        FeatureSet start = isStatic ? def.base() : def.defaults();
        Map<String, Boolean> props = new LinkedHashMap<>();
        int offs = random.nextInt(4) == 0 ? 0 : random.nextInt(6);
        // the oldest definition's base (esan3, zarch, PLO) is on every real machine; keep it
        FeatureSet essential = catalog.definitions().get(0).base();
        List<String> present = catalog.names(start.andNot(essential));
        for (int i = 0; i < offs && !present.isEmpty(); i++) {
            props.put(present.get(random.nextInt(present.size())), false);
        }
        if (random.nextInt(5) == 0) {
            List<FeatureGroup> groups = catalog.groups().stream()
                    .filter(g -> g.features().intersects(def.full()))
                    .filter(g -> !g.features().intersects(catalog.definitions().get(0).base()))
                    .toList();
            if (!groups.isEmpty()) {
                props.put(groups.get(random.nextInt(groups.size())).name(), random.nextBoolean());
            }
        }
        if (random.nextInt(4) == 0) {
            FeatureSet candidates = def.full().andNot(start);
            FeatureSet fresh = candidates.and(newerThan72);
            List<String> optional = catalog.names(!fresh.isEmpty() && random.nextBoolean() ? fresh : candidates);
            if (!optional.isEmpty()) {
                props.put(optional.get(random.nextInt(optional.size())), true);
            }
        }
        if (random.nextInt(150) == 0) {
            props.put(random.nextBoolean() ? "zarch" : "esan3", false);
        }
        return new CpuModelInfo(isStatic ? def.staticName() : def.name(), props);
    }

    /**
     * A fleet of n hosts: a mix of generations, or (one time in three) one generation with its EC and
     * BC machines mixed.
     */
    public List<CpuModelInfo> fleet(int n) {
        List<CpuModelInfo> out = new ArrayList<>(n);
        if (random.nextInt(3) == 0) {
            int gen = anyDefinition().generation();
            List<CpuDefinition> same = catalog.definitions().stream().filter(d -> d.generation() == gen).toList();
            for (int i = 0; i < n; i++) {
                out.add(model(same.get(random.nextInt(same.size()))));
            }
            return out;
        }
        List<CpuDefinition> palette = new ArrayList<>();
        int kinds = 1 + random.nextInt(4);
        for (int i = 0; i < kinds; i++) {
            palette.add(anyDefinition());
        }
        for (int i = 0; i < n; i++) {
            out.add(model(palette.get(random.nextInt(palette.size()))));
        }
        return out;
    }
}
