package dev.gcm.bench;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded, realistic fleet for benchmarks: hosts of z13 to gen16 machine types (EC and BC), each with
 * its definition's default model, a few hosts with features masked as firmware levels, LPARs and
 * z/VM do.
 */
public final class SimulatedFleet {

    /** How varied the hosts' feature sets are. */
    public enum Variety {
        /** A few dozen distinct configurations, as real fleets have. */
        REALISTIC,
        /** Every host masks its own random features: no two sets alike (worst case). */
        DISTINCT
    }

    private SimulatedFleet() {
    }

    public static List<GcmHost> hosts(Catalog catalog, int n, Variety variety, long seed) {
        Random random = new Random(seed);
        List<CpuDefinition> defs = catalog.definitions().stream()
                .filter(d -> d.generation() >= 13 && d.generation() <= 16).toList();
        FeatureSet essential = catalog.definitions().get(0).base();
        List<CpuModel> configurations = new ArrayList<>();
        for (CpuDefinition d : defs) {
            configurations.add(CpuModel.named(d));
            for (int i = 0; i < 6; i++) {
                configurations.add(masked(d, essential, random, 1 + random.nextInt(3)));
            }
        }
        List<GcmHost> hosts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CpuModel m = configurations.get(random.nextInt(configurations.size()));
            if (variety == Variety.DISTINCT) {
                m = masked(m.definition(), essential, random, 2 + random.nextInt(6));
            } else {
                // a fresh set object per host, as records arriving over the wire would be
                m = new CpuModel(m.definition(), m.features().toBuilder().build());
            }
            hosts.add(new GcmHost(String.format("host-%06d", i), m));
        }
        return hosts;
    }

    /** The same hosts as QEMU CpuModelInfo (static form), for QEMU's own baseline. */
    public static List<CpuModelInfo> asQemuModels(Catalog catalog, List<GcmHost> hosts) {
        return hosts.stream().map(h -> Expansion.staticForm(catalog, h.model())).toList();
    }

    private static CpuModel masked(CpuDefinition d, FeatureSet essential, Random random, int count) {
        int[] optional = d.defaults().andNot(essential).toArray();
        FeatureSet.Builder b = d.defaults().toBuilder();
        for (int i = 0; i < count; i++) {
            b.remove(optional[random.nextInt(optional.length)]);
        }
        return new CpuModel(d, b.build());
    }
}
