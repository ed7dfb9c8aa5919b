package dev.gcm.bench;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.planner.grid.StoredHost;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.IndexedHost;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A planner index filled with a simulated realistic fleet, for the benchmarks of the index and the gate. */
final class BenchIndex {

    final FleetIndex index;
    /** One resolved host per distinct configuration of the fleet. */
    final IndexedHost[] variants;

    private BenchIndex(FleetIndex index, IndexedHost[] variants) {
        this.index = index;
        this.variants = variants;
    }

    static BenchIndex of(Catalog catalog, int hosts) {
        FleetIndex index = new FleetIndex(catalog, Long.MAX_VALUE / 4, System::currentTimeMillis);
        List<GcmHost> fleet = SimulatedFleet.hosts(catalog, hosts, SimulatedFleet.Variety.REALISTIC, 42);
        // resolve each distinct model once; hosts share them as records from one image would
        Map<CpuModel, IndexedHost> prototypes = new HashMap<>();
        for (GcmHost h : fleet) {
            IndexedHost proto = prototypes.computeIfAbsent(h.model(), m -> index.resolve("proto",
                    stored(record("proto", catalog, m))));
            index.apply(new IndexedHost(h.id(), proto.resolved(), new StoredHost("", "b", 0, 0, false),
                    proto.softFeatures()));
        }
        return new BenchIndex(index, prototypes.values().toArray(new IndexedHost[0]));
    }

    private static HostRecord record(String id, Catalog catalog, CpuModel m) {
        return new HostRecord(HostRecord.API_VERSION, HostRecord.KIND, id, Map.of(),
                new HostRecord.Machine(m.definition().machineTypeText(), null, null), Expansion.staticForm(catalog, m),
                null, null, List.of(), Instant.EPOCH, "bench", "b", 0);
    }

    private static StoredHost stored(HostRecord r) {
        return new StoredHost(HostRecordJson.write(r), r.bootId(), 0, 0, false);
    }
}
