package dev.gcm.hypervisor.record;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FacilityList;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.hypervisor.record.InvalidHostRecordException.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a host record against the catalog and resolves its models. Every violation is collected, so
 * a sender learns everything wrong with a record at once.
 */
public final class HostRecordValidator {

    private static final Pattern HOST_ID = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,251}[A-Za-z0-9])?");
    private static final Pattern MACHINE_TYPE = Pattern.compile("[0-9a-fA-F]{4}");
    private static final Pattern CPUID = Pattern.compile("[0-9a-fA-F]{1,16}");
    private static final Pattern QEMU_MACHINE = Pattern.compile("s390-ccw-virtio(-[0-9]{1,2}\\.[0-9]{1,2})?");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Catalog catalog;
    private final ModelResolver resolver;
    private final ReleaseCheck releases;

    public HostRecordValidator(Catalog catalog) {
        this.catalog = catalog;
        this.resolver = new ModelResolver(catalog);
        this.releases = new ReleaseCheck(catalog);
    }

    /**
     * @throws InvalidHostRecordException listing every violation (a record outside {@link RecordBounds}
     *                                    is refused with those violations before anything is resolved)
     */
    public ResolvedHost validate(HostRecord r) {
        List<Violation> v = new ArrayList<>();
        RecordBounds.check(r, v);
        if (!v.isEmpty()) {
            throw new InvalidHostRecordException(v);
        }
        if (!HostRecord.API_VERSION.equals(r.apiVersion())) {
            v.add(new Violation("$.apiVersion", "must be " + HostRecord.API_VERSION));
        }
        if (!HostRecord.KIND.equals(r.kind())) {
            v.add(new Violation("$.kind", "must be " + HostRecord.KIND));
        }
        if (r.hostId() == null || !HOST_ID.matcher(r.hostId()).matches()) {
            v.add(new Violation("$.hostId", "must be 1-253 letters, digits, '.', '_' or '-', starting and ending"
                    + " with a letter or digit"));
        }
        Optional<IbcRange> range = checkMachine(r.machine(), v);
        CpuModel hostModel = resolve(r.hostModel(), "$.hostModel", v);
        checkFacilities(r.facilities(), v);
        checkHypervisor(r.hypervisor(), v);
        Map<String, CpuModel> guests = checkGuests(r.guests(), v);
        HostRelease release = releases.check(r, v);
        if (r.seq() < 0) {
            v.add(new Violation("$.seq", "must not be negative"));
        }
        if (!v.isEmpty()) {
            throw new InvalidHostRecordException(v);
        }
        return new ResolvedHost(r, hostModel, range, guests, release);
    }

    private Optional<IbcRange> checkMachine(HostRecord.Machine m, List<Violation> v) {
        if (m == null) {
            v.add(new Violation("$.machine", "is required"));
            return Optional.empty();
        }
        if (m.machineType() == null || !MACHINE_TYPE.matcher(m.machineType()).matches()) {
            v.add(new Violation("$.machine.machineType", "must be four hex digits, e.g. 3906"));
        } else if (!catalog.knowsMachineType(Integer.parseInt(m.machineType(), 16))) {
            v.add(new Violation("$.machine.machineType", "unknown machine type " + m.machineType()));
        }
        if (m.cpuid() != null && !CPUID.matcher(m.cpuid()).matches()) {
            v.add(new Violation("$.machine.cpuid", "must be at most 16 hex digits"));
        }
        if (m.ibc() == null) {
            return Optional.empty();
        }
        Ibc lowest = ibc(m.ibc().lowest(), "$.machine.ibc.lowest", v);
        Ibc unblocked = ibc(m.ibc().unblocked(), "$.machine.ibc.unblocked", v);
        if (lowest == null || unblocked == null) {
            return Optional.empty();
        }
        if (lowest.compareTo(unblocked) > 0) {
            v.add(new Violation("$.machine.ibc", "lowest " + lowest + " is above unblocked " + unblocked));
            return Optional.empty();
        }
        return Optional.of(new IbcRange(lowest, unblocked));
    }

    private static Ibc ibc(String text, String field, List<Violation> v) {
        if (text == null) {
            v.add(new Violation(field, "is required"));
            return null;
        }
        try {
            return Ibc.parse(text);
        } catch (IllegalArgumentException e) {
            v.add(new Violation(field, e.getMessage()));
            return null;
        }
    }

    private CpuModel resolve(CpuModelInfo info, String field, List<Violation> v) {
        if (info == null || info.name() == null) {
            v.add(new Violation(field, "is required (a QEMU CpuModelInfo)"));
            return null;
        }
        try {
            return resolver.resolve(info);
        } catch (IllegalArgumentException e) {
            v.add(new Violation(field, e.getMessage()));
            return null;
        }
    }

    private static void checkFacilities(HostRecord.Facilities f, List<Violation> v) {
        if (f == null) {
            return;
        }
        checkBits(f.hard(), "$.facilities.hard", v);
        checkBits(f.soft(), "$.facilities.soft", v);
        checkBits(f.mask(), "$.facilities.mask", v);
    }

    private static void checkBits(List<Integer> bits, String field, List<Violation> v) {
        if (bits == null) {
            return;
        }
        for (int i = 0; i < bits.size(); i++) {
            Integer b = bits.get(i);
            if (b == null || b < 0 || b > FacilityList.MAX_BIT) {
                v.add(new Violation(field + "[" + i + "]", "facility " + b + " is outside 0.." + FacilityList.MAX_BIT));
            }
        }
    }

    private static void checkHypervisor(HostRecord.HypervisorInfo h, List<Violation> v) {
        if (h == null || h.machineTypes() == null) {
            return;
        }
        for (int i = 0; i < h.machineTypes().size(); i++) {
            String m = h.machineTypes().get(i);
            if (m == null || !QEMU_MACHINE.matcher(m).matches()) {
                v.add(new Violation("$.hypervisor.machineTypes[" + i + "]", "must be a QEMU s390x machine type such as"
                        + " s390-ccw-virtio-7.2"));
            }
        }
    }

    private Map<String, CpuModel> checkGuests(List<HostRecord.Guest> guests, List<Violation> v) {
        Map<String, CpuModel> out = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < guests.size(); i++) {
            HostRecord.Guest g = guests.get(i);
            String field = "$.guests[" + i + "]";
            if (g == null || g.name() == null || g.name().isBlank()) {
                v.add(new Violation(field + ".name", "is required"));
                continue;
            }
            if (!names.add(g.name())) {
                v.add(new Violation(field + ".name", "guest '" + g.name() + "' appears twice"));
            }
            if (g.uuid() != null && !UUID.matcher(g.uuid()).matches()) {
                v.add(new Violation(field + ".uuid", "must be a UUID such as 5b1e0c3a-0000-4000-8000-000000005390"));
            }
            if (g.machineType() != null && !QEMU_MACHINE.matcher(g.machineType()).matches()) {
                v.add(new Violation(field + ".machineType", "must be a QEMU s390x machine type such as"
                        + " s390-ccw-virtio-7.2"));
            }
            CpuModel m = resolve(g.cpuModel(), field + ".cpuModel", v);
            if (m != null) {
                out.put(g.name(), m);
            }
        }
        return out;
    }
}
