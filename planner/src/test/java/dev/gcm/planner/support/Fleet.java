package dev.gcm.planner.support;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.hypervisor.kvm.SimulatedHost;
import dev.gcm.hypervisor.probe.KvmProbe;
import dev.gcm.hypervisor.probe.ProbeException;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Host records of simulated hosts, for tests. */
public final class Fleet {

    public static final Catalog CATALOG = Catalog.load();

    private Fleet() {
    }

    public static HostRecord record(String id, String definition, List<String> masked, Map<String, String> labels,
                                    long seq, List<HostRecord.Guest> guests) {
        SimulatedHost host = SimulatedHost.of(CATALOG.definition(definition).orElseThrow())
                .withMasked(CATALOG.featureSet(masked));
        try {
            return KvmProbe.simulated(CATALOG, host).probe().withGuests(guests)
                    .toRecord(id, labels, "test", "boot-" + id, seq, Instant.now());
        } catch (ProbeException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HostRecord record(String id, String definition, long seq) {
        return record(id, definition, List.of(), Map.of(), seq, List.of());
    }

    /**
     * A small mixed fleet: h1 (z14, zone a, guests web1 on z13-base and db1 on z14), h2 (gen15a without
     * vxeh2, zone b, guest app1 on gen15a), h3 (z13 without te, zone a, IBC 0x021 to 0x032, no guests).
     */
    public static List<HostRecord> threeHosts() {
        return List.of(record("h1", "z14", List.of(), Map.of("zone", "a"), 1,
                        List.of(guest("web1", "z13-base"), guest("db1", "z14"))),
                record("h2", "gen15a", List.of("vxeh2"), Map.of("zone", "b"), 1, List.of(guest("app1", "gen15a"))),
                withRange(record("h3", "z13", List.of("te"), Map.of("zone", "a"), 1, List.of()), "0x021", "0x032"));
    }

    public static HostRecord withRange(HostRecord r, String lowest, String unblocked) {
        new IbcRange(Ibc.parse(lowest), Ibc.parse(unblocked));
        return new HostRecord(r.apiVersion(), r.kind(), r.hostId(), r.labels(),
                new HostRecord.Machine(r.machine().machineType(), r.machine().cpuid(),
                        new HostRecord.IbcRangeJson(lowest, unblocked)),
                r.hostModel(), r.facilities(), r.hypervisor(), r.guests(), r.probeTime(), r.agentVersion(), r.bootId(),
                r.seq());
    }

    public static HostRecord.Guest guest(String name, String model) {
        return new HostRecord.Guest(name, CpuModelInfo.named(model));
    }

    public static HostRecord.Guest guest(String name, String model, Map<String, Boolean> props) {
        return new HostRecord.Guest(name, new CpuModelInfo(model, props));
    }

    public static String json(HostRecord r) {
        return HostRecordJson.write(r);
    }
}
