package dev.gcm.facilitydb.testing;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import java.util.List;
import java.util.Random;

/**
 * Seeded random CPU models for the core's randomized tests (plain JUnit: the seed comes from {@code gcm.seed}
 * or the clock, and every test prints it on failure).
 */
public final class SeededModels {

    private SeededModels() {
    }

    /** The seed of this run: {@code -Dgcm.seed=N} replays one. */
    public static long seed() {
        return Long.getLong("gcm.seed", System.nanoTime());
    }

    /** A definition and a random feature set within its full set: base features dropped, optional ones added. */
    public static CpuModel model(Catalog catalog, Random random) {
        List<CpuDefinition> defs = catalog.definitions();
        // two in three from gen12 on, where clusters run
        List<CpuDefinition> pool = random.nextInt(3) > 0 ? defs.stream().filter(d -> d.generation() >= 12).toList() : defs;
        return model(catalog, pool.get(random.nextInt(pool.size())), random);
    }

    public static CpuModel model(Catalog catalog, CpuDefinition def, Random random) {
        FeatureSet.Builder b = (random.nextBoolean() ? def.defaults() : def.base()).toBuilder();
        List<Integer> full = def.full().stream().boxed().toList();
        int flips = random.nextInt(12);
        for (int k = 0; k < flips; k++) {
            int f = full.get(random.nextInt(full.size()));
            if (random.nextBoolean()) {
                b.add(f);
            } else {
                b.remove(f);
            }
        }
        return new CpuModel(def, b.build());
    }
}
