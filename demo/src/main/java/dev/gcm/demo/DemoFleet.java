package dev.gcm.demo;

import dev.gcm.cli.output.Progress;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.hypervisor.kvm.SimulatedHost;
import dev.gcm.hypervisor.probe.KvmProbe;
import dev.gcm.hypervisor.probe.ProbeException;
import dev.gcm.hypervisor.record.HostRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, realistic simulated fleet: z13 to z16 machines (EC and BC), some with features masked as
 * z/VM (transactional execution) and firmware levels (CPACF functions) do, each running a few guests.
 */
public final class DemoFleet {

    private static final String[] DEFINITIONS = {"z13", "z13s", "z14", "z14.2", "z14ZR1", "gen15a", "gen15b", "gen16a"};

    private DemoFleet() {
    }

    public static List<HostRecord> records(Catalog catalog, int hosts, long seed) throws ProbeException {
        return records(catalog, hosts, seed, Progress.NONE);
    }

    /** The fleet, saying how far its simulated probes have got. */
    public static List<HostRecord> records(Catalog catalog, int hosts, long seed, Progress progress)
            throws ProbeException {
        Random random = new Random(seed);
        List<HostRecord> out = new ArrayList<>();
        long seq = System.currentTimeMillis() * 1000;
        for (int i = 0; i < hosts; i++) {
            CpuDefinition def = catalog.definition(DEFINITIONS[random.nextInt(DEFINITIONS.length)]).orElseThrow();
            List<String> masked = new ArrayList<>();
            boolean zvm = random.nextInt(4) == 0;
            if (zvm) {
                masked.addAll(List.of("te", "cte"));
            }
            if (random.nextInt(6) == 0 && def.defaults().contains(catalog.feature("kma-gcm-aes-256").orElseThrow().index())) {
                masked.add("kma-gcm-aes-256");
            }
            String id = String.format("%s-%02d", zvm ? "zvm" : "lpar", i + 1);
            SimulatedHost host = SimulatedHost.of(def).withMasked(catalog.featureSet(masked));
            List<HostRecord.Guest> guests = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int g = 0; g < count; g++) {
                guests.add(new HostRecord.Guest(id + "-vm" + (g + 1), guestModel(random, def)));
            }
            out.add(KvmProbe.simulated(catalog, host).probe().withGuests(guests)
                    .toRecord(id, Map.of("site", random.nextBoolean() ? "north" : "south"), "demo", "demo-boot",
                            seq++, Instant.now()));
            progress.at("Probing simulated hosts", i + 1, hosts, String.format(Locale.ROOT, "%,d of %,d", i + 1, hosts));
        }
        return out;
    }

    /** Every id is a host of the fleet, or an error that names the nearest ones. */
    static void requireHosts(List<HostRecord> fleet, List<String> ids) {
        List<String> known = fleet.stream().map(HostRecord::hostId).toList();
        for (String id : ids) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("--stale: the demo fleet has no host '" + id + "'"
                        + dev.gcm.cli.Suggest.hint(id, known) + " (its hosts: " + dev.gcm.cli.output.Names.some(known, 6) + ")");
            }
        }
    }

    /** A portable model (older definition, csske off) or the host's own named model. */
    private static CpuModelInfo guestModel(Random random, CpuDefinition host) {
        return switch (random.nextInt(3)) {
            case 0 -> new CpuModelInfo("z13-base", Map.of("csske", false));
            case 1 -> host.generation() >= 14 ? new CpuModelInfo("z14-base", Map.of("csske", false))
                    : new CpuModelInfo("z13-base", Map.of("csske", false));
            default -> new CpuModelInfo(host.staticName(), Map.of());
        };
    }
}
