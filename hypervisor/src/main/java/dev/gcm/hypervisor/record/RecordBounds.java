package dev.gcm.hypervisor.record;

import dev.gcm.facilitydb.model.FacilityList;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.hypervisor.record.InvalidHostRecordException.Violation;
import java.util.List;
import java.util.Map;

/**
 * The bounds on every string and list of a host record (DESIGN section 6), and the text rules for its
 * ids, names and labels ({@link Text}, {@link Labels}). A record within them is at most a few hundred
 * KiB however it is filled; one outside them is refused before anything is resolved or stored.
 */
public final class RecordBounds {

    public static final int MAX_GUESTS = 4096;
    public static final int MAX_GUEST_NAME = 256;
    /** A model name, a feature name, a CPU definition name. */
    public static final int MAX_MODEL_NAME = 64;
    /** Feature switches in one CPU model. */
    public static final int MAX_PROPS = 1024;
    /** Entries in each facility list: every bit at most once. */
    public static final int MAX_FACILITIES = FacilityList.MAX_BIT + 1;
    public static final int MAX_CPU_DEFINITIONS = 1024;
    public static final int MAX_MACHINE_TYPES = 256;
    public static final int MAX_VERSION = 64;
    public static final int MAX_KERNEL_RELEASE = 256;
    public static final int MAX_HYPERVISOR_KIND = 32;
    public static final int MAX_BOOT_ID = 64;

    private RecordBounds() {
    }

    /** Adds a violation for every bound the record breaks. */
    public static void check(HostRecord r, List<Violation> v) {
        checkLabels(r.labels(), v);
        checkModel(r.hostModel(), "$.hostModel", v);
        if (r.facilities() != null) {
            count(r.facilities().hard(), MAX_FACILITIES, "$.facilities.hard", v);
            count(r.facilities().soft(), MAX_FACILITIES, "$.facilities.soft", v);
            count(r.facilities().mask(), MAX_FACILITIES, "$.facilities.mask", v);
        }
        checkHypervisor(r.hypervisor(), v);
        count(r.guests(), MAX_GUESTS, "$.guests", v);
        if (r.guests().size() <= MAX_GUESTS) {
            for (int i = 0; i < r.guests().size(); i++) {
                HostRecord.Guest g = r.guests().get(i);
                if (g != null) {
                    optionalText(g.name(), MAX_GUEST_NAME, "$.guests[" + i + "].name", v);
                    checkModel(g.cpuModel(), "$.guests[" + i + "].cpuModel", v);
                }
            }
        }
        optionalText(r.agentVersion(), MAX_VERSION, "$.agentVersion", v);
        if (!Text.printable(r.bootId(), MAX_BOOT_ID)) {
            v.add(new Violation("$.bootId", "must be 1 to " + MAX_BOOT_ID + " printable characters"));
        }
    }

    private static void checkLabels(Map<String, String> labels, List<Violation> v) {
        if (labels.size() > Labels.MAX_LABELS) {
            v.add(new Violation("$.labels", "more than " + Labels.MAX_LABELS + " labels"));
            return;
        }
        labels.forEach((k, val) -> {
            if (!Labels.validKey(k)) {
                v.add(new Violation("$.labels", "invalid label key '" + k + "': " + Labels.keyRule()));
            } else if (!Labels.validValue(val)) {
                v.add(new Violation("$.labels." + k, "invalid label value: " + Labels.valueRule()));
            }
        });
    }

    private static void checkModel(CpuModelInfo m, String field, List<Violation> v) {
        if (m == null) {
            return;
        }
        optionalText(m.name(), MAX_MODEL_NAME, field + ".name", v);
        if (m.props().size() > MAX_PROPS) {
            v.add(new Violation(field + ".props", "more than " + MAX_PROPS + " feature switches"));
            return;
        }
        for (String p : m.props().keySet()) {
            if (!Text.printable(p, MAX_MODEL_NAME)) {
                v.add(new Violation(field + ".props", "a feature name must be 1 to " + MAX_MODEL_NAME
                        + " printable characters"));
                return;
            }
        }
    }

    private static void checkHypervisor(HostRecord.HypervisorInfo h, List<Violation> v) {
        if (h == null) {
            return;
        }
        optionalText(h.kind(), MAX_HYPERVISOR_KIND, "$.hypervisor.kind", v);
        optionalText(h.qemuVersion(), MAX_VERSION, "$.hypervisor.qemuVersion", v);
        optionalText(h.libvirtVersion(), MAX_VERSION, "$.hypervisor.libvirtVersion", v);
        optionalText(h.kernelRelease(), MAX_KERNEL_RELEASE, "$.hypervisor.kernelRelease", v);
        count(h.machineTypes(), MAX_MACHINE_TYPES, "$.hypervisor.machineTypes", v);
        List<String> defs = h.cpuDefinitions();
        if (defs != null && count(defs, MAX_CPU_DEFINITIONS, "$.hypervisor.cpuDefinitions", v)) {
            for (int i = 0; i < defs.size(); i++) {
                optionalText(defs.get(i), MAX_MODEL_NAME, "$.hypervisor.cpuDefinitions[" + i + "]", v);
            }
        }
    }

    /** Whether the list (if any) is within its bound; a violation when not. */
    private static boolean count(List<?> list, int max, String field, List<Violation> v) {
        if (list != null && list.size() > max) {
            v.add(new Violation(field, "more than " + max + " entries"));
            return false;
        }
        return true;
    }

    /** A string that, when present, is 1 to max printable characters (absence is for the format rules). */
    private static void optionalText(String s, int max, String field, List<Violation> v) {
        if (s != null && !Text.printable(s, max)) {
            v.add(new Violation(field, "must be 1 to " + max + " printable characters (no control, format or"
                    + " bidirectional characters)"));
        }
    }
}
