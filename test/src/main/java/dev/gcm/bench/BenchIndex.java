package dev.gcm.bench;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.HostContent;
import dev.gcm.planner.model.GridHealth;
import dev.gcm.planner.model.HostReport;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A planner index filled with a simulated realistic fleet, for the benchmarks of the index and the gate. */
final class BenchIndex {

    /** A member that sees its majority and no unverified member. */
    static final GridHealth HEALTHY = new GridHealth() {
        @Override
        public boolean hasQuorum() {
            return true;
        }

        @Override
        public int unverifiedMembers() {
            return 0;
        }
    };

    final FleetIndex index;
    /** One read record per distinct configuration of the fleet, each with a content revision of its own. */
    final HostContent[] variants;
    /** A report of each variant (its record is not read again: the content is given with it). */
    final HostReport[] reports;

    private BenchIndex(FleetIndex index, HostContent[] variants, HostReport[] reports) {
        this.index = index;
        this.variants = variants;
        this.reports = reports;
    }

    static BenchIndex of(Catalog catalog, int hosts) {
        FleetIndex index = new FleetIndex(catalog, Long.MAX_VALUE / 4, System::currentTimeMillis);
        List<GcmHost> fleet = SimulatedFleet.hosts(catalog, hosts, SimulatedFleet.Variety.REALISTIC, 42);
        // read each distinct model once; hosts share them as records from one image would
        Map<CpuModel, Integer> variantOf = new HashMap<>();
        List<HostContent> contents = new java.util.ArrayList<>();
        List<HostReport> reports = new java.util.ArrayList<>();
        long revision = 0;
        for (GcmHost h : fleet) {
            int v = variantOf.computeIfAbsent(h.model(), m -> {
                HostReport r = HostReport.of(record("proto", catalog, m), 0).stamped(contents.size() + 1, contents.size() + 1);
                contents.add(index.read(r));
                reports.add(r);
                return contents.size() - 1;
            });
            revision++;
            index.writer().report(report(h.id(), reports.get(v), revision), contents.get(v));
        }
        return new BenchIndex(index, contents.toArray(new HostContent[0]), reports.toArray(new HostReport[0]));
    }

    /** A variant's report as host {@code id} sends it, stored at {@code revision}. */
    static HostReport report(String id, HostReport variant, long revision) {
        return new HostReport(id, variant.deflatedRecord(), "b", revision, 0, revision, variant.contentRevision(),
                variant.contentHash());
    }

    private static HostRecord record(String id, Catalog catalog, CpuModel m) {
        return new HostRecord(HostRecord.API_VERSION, HostRecord.KIND, id, Map.of(),
                new HostRecord.Machine(m.definition().machineTypeText(), null, null), Expansion.staticForm(catalog, m),
                null, null, List.of(), Instant.EPOCH, "bench", "b", 0);
    }
}
