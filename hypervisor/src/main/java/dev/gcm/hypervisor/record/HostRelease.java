package dev.gcm.hypervisor.record;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.QemuRelease;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.release.MachineTypeSupport;
import dev.gcm.facilitydb.release.QemuView;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a host's QEMU knows, as its record says or as follows from its release: the release ({@code
 * hypervisor.qemuVersion}; a host that names none counts as the newest the catalog knows), the CPU definitions
 * (reported in {@code hypervisor.cpuDefinitions}, else the release's), the features (the release's), and the
 * machine types (reported in {@code hypervisor.machineTypes}, else the release's where the catalog has seen it).
 * Derived lists are not stored in the record, which stays small. Equal when the record says the same.
 */
public final class HostRelease {

    private final Optional<QemuVersion> version;
    private final Optional<Set<String>> definitions;
    private final Optional<List<String>> machineTypes;
    private final QemuView view;

    private HostRelease(Optional<QemuVersion> version, Optional<Set<String>> definitions,
                        Optional<List<String>> machineTypes, QemuView view) {
        this.version = version;
        this.definitions = definitions;
        this.machineTypes = machineTypes;
        this.view = view;
    }

    /**
     * The release a record's hypervisor names (null: none) in the catalog's view.
     *
     * @throws IllegalArgumentException when the version is not MAJOR.MINOR[.MICRO] or predates s390x CPU models
     */
    public static HostRelease of(Catalog newest, HostRecord.HypervisorInfo hv) {
        Optional<QemuVersion> version = Optional.ofNullable(hv).map(HostRecord.HypervisorInfo::qemuVersion)
                .map(HostRelease::parse);
        QemuView view = version.map(v -> QemuView.of(newest, v)).orElseGet(() -> QemuView.newest(newest));
        Optional<Set<String>> defs = Optional.ofNullable(hv).map(HostRecord.HypervisorInfo::cpuDefinitions).map(Set::copyOf);
        Optional<List<String>> machines = Optional.ofNullable(hv).map(HostRecord.HypervisorInfo::machineTypes);
        return new HostRelease(version.map(QemuVersion::release), defs, machines, view);
    }

    /** A version within QEMU's numbering (majors below 100, minors below 20): the catalog keeps a view per release. */
    private static QemuVersion parse(String text) {
        QemuVersion v = QemuVersion.parse(text);
        if (v.major() >= 100 || v.minor() >= 20) {
            throw new IllegalArgumentException("not a QEMU release: '" + text + "'");
        }
        return v;
    }

    /** A host that names no release: the newest view, nothing reported. */
    public static HostRelease unnamed(Catalog newest) {
        return new HostRelease(Optional.empty(), Optional.empty(), Optional.empty(), QemuView.newest(newest));
    }

    /** The release line the record names (7.2.22 gives 7.2.0), if it names one. */
    public Optional<QemuVersion> version() {
        return version;
    }

    /** The catalog's view of the release (the newest view when the record names none). */
    public QemuView view() {
        return view;
    }

    /** Whether this host's QEMU knows a definition: by the reported list (name or static name), else the release. */
    public boolean knowsDefinition(CpuDefinition d) {
        return definitions.map(s -> s.contains(d.name()) || s.contains(d.staticName()))
                .orElseGet(() -> view.knowsDefinition(d));
    }

    /** The features of a set this host's QEMU does not know. */
    public FeatureSet unknownFeatures(FeatureSet set) {
        return view.unknownFeatures(set);
    }

    /** Whether this host's QEMU knows the model's definition and every feature it uses. */
    public boolean knows(CpuModel m) {
        return knowsDefinition(m.definition()) && unknownFeatures(m.features()).isEmpty();
    }

    /** Whether this host's QEMU runs guests of a machine type: the reported list decides, else the release. */
    public MachineTypeSupport machineTypeSupport(String machineType) {
        if (machineTypes.isPresent()) {
            return QemuRelease.ALIAS.equals(machineType) || machineTypes.get().contains(machineType)
                    ? MachineTypeSupport.KNOWN : MachineTypeSupport.UNKNOWN;
        }
        return view.machineTypeSupport(machineType);
    }

    /** The machine types this host's QEMU runs: reported, else derived from its release where the catalog knows it. */
    public Optional<List<String>> machineTypes() {
        return machineTypes.isPresent() ? machineTypes : view.machineTypes();
    }

    /** Whether the machine types are the record's own rather than derived. */
    public boolean machineTypesReported() {
        return machineTypes.isPresent();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostRelease r && version.equals(r.version) && definitions.equals(r.definitions)
                && machineTypes.equals(r.machineTypes) && view.release().equals(r.view.release());
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, definitions, machineTypes);
    }

    @Override
    public String toString() {
        return version.map(v -> "QEMU " + v.major() + "." + v.minor()).orElse("QEMU (unnamed)");
    }
}
