package dev.gcm.hypervisor.probe;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.FeatureKind;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FacilityList;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.facilitydb.qemu.ModelSearch;
import dev.gcm.hypervisor.record.HostCapabilities;
import dev.gcm.hypervisor.record.HostRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads s390x {@code /proc/cpuinfo} (the {@code facilities} line and the processor lines with version,
 * identification and machine type) and {@code /proc/sysinfo} (the machine type, and whether this
 * Linux runs in an LPAR or under z/VM). These show only STFLE facilities: the host model takes its
 * facility features from them and, conservatively, the definition's base set for the features that
 * have no facility bit (SCLP bits, subfunctions). The definition is the newest of the machine type
 * whose base set the facilities cover.
 */
public final class CpuinfoProbe implements HypervisorProbe {

    private static final Pattern PROCESSOR = Pattern.compile(
            "processor \\d+:\\s*version = ([0-9A-Fa-f]{2}),\\s*identification = ([0-9A-Fa-f]{6}),\\s*machine = ([0-9A-Fa-f]{4})");

    private final Path procRoot;
    private final Catalog catalog;

    /** @param procRoot usually {@code /proc}; a directory with {@code cpuinfo} and {@code sysinfo} */
    public CpuinfoProbe(Path procRoot, Catalog catalog) {
        this.procRoot = procRoot;
        this.catalog = catalog;
    }

    @Override
    public String kind() {
        return "cpuinfo";
    }

    @Override
    public HostCapabilities probe() throws ProbeException {
        String cpuinfo = read("cpuinfo");
        Optional<String> sysinfo = Files.exists(procRoot.resolve("sysinfo")) ? Optional.of(read("sysinfo"))
                : Optional.empty();
        FacilityList facilities;
        try {
            facilities = FacilityList.fromCpuinfo(cpuinfo);
        } catch (IllegalArgumentException e) {
            throw ProbeException.failed(procRoot.resolve("cpuinfo") + ": " + e.getMessage()
                    + " (is this s390x Linux?)");
        }
        Matcher p = PROCESSOR.matcher(cpuinfo);
        String type = p.find() ? p.group(3) : sysinfo.flatMap(s -> field(s, "Type")).orElseThrow(() ->
                ProbeException.failed("neither cpuinfo nor sysinfo names the machine type"));
        String cpuid = p.find(0) ? (p.group(1) + p.group(2) + p.group(3) + "8000").toLowerCase() : null;
        int machineType = Integer.parseInt(type, 16);
        if (!catalog.knowsMachineType(machineType)) {
            throw ProbeException.failed("unknown machine type " + type);
        }
        CpuModel model = hostModel(machineType, facilities);
        HostRecord.Machine machine = new HostRecord.Machine(type.toLowerCase(), cpuid, null);
        HostRecord.Facilities f = new HostRecord.Facilities(
                Arrays.stream(facilities.facilities()).boxed().toList(), null, null);
        HostRecord.HypervisorInfo info = new HostRecord.HypervisorInfo(kind(), null,
                System.getProperty("os.version"), null);
        return new HostCapabilities(machine, Expansion.staticForm(catalog, model), f, info, List.of());
    }

    private CpuModel hostModel(int machineType, FacilityList facilities) throws ProbeException {
        FeatureSet stfl = catalog.stflFeatures(facilities);
        FeatureSet.Builder noBitBuilder = FeatureSet.builder();
        catalog.features().stream().filter(f -> f.kind() != FeatureKind.STFL).forEach(f -> noBitBuilder.add(f.index()));
        FeatureSet noBit = noBitBuilder.build();
        // search on the facilities alone: features without a facility bit cannot be seen here
        Optional<CpuDefinition> def = ModelSearch.find(catalog, machineType, 0, 0, stfl.or(noBit));
        if (def.isEmpty()) {
            throw ProbeException.failed("the facilities do not cover the base set of any CPU definition");
        }
        CpuDefinition d = def.get();
        return new CpuModel(d, stfl.and(d.full()).or(d.base().and(noBit)));
    }

    private String read(String file) throws ProbeException {
        try {
            return Files.readString(procRoot.resolve(file));
        } catch (IOException e) {
            throw new ProbeException("cannot read " + procRoot.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> field(String sysinfo, String name) {
        for (String line : sysinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return Optional.of(line.substring(colon + 1).trim().split("\\s+")[0]);
            }
        }
        return Optional.empty();
    }
}
