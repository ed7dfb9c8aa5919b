package dev.gcm.facilitydb.release;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.QemuRelease;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.qemu.ModelSearch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The view of one QEMU release: the definitions and features it knows (its catalog), the machine types it runs
 * where the catalog has seen the release, and how a host of a newer release looks to it.
 *
 * <pre>{@code
 * QemuView view = QemuView.oldestOf(Catalog.load(), List.of(v("7.2.22"), v("10.0.2")));  // the view of 7.2
 * CpuModel seen = view.reduce(gen17aHost);        // gen16b, 7.2's features only: what a 7.2 QEMU can run
 * view.machineTypeSupport("s390-ccw-virtio-10.0"); // UNKNOWN
 * }</pre>
 */
public final class QemuView {

    private static final Pattern MACHINE = Pattern.compile("s390-ccw-virtio-([0-9]{1,2})\\.([0-9]{1,2})");

    private final QemuVersion release;
    private final Catalog catalog;
    private final Optional<QemuRelease> facts;

    private QemuView(QemuVersion release, Catalog catalog, Optional<QemuRelease> facts) {
        this.release = release;
        this.catalog = catalog;
        this.facts = facts;
    }

    /**
     * The view of a release (7.2.22 is release 7.2).
     *
     * @throws dev.gcm.facilitydb.catalog.UnsupportedQemuException for releases before s390x CPU models (2.8)
     */
    public static QemuView of(Catalog newest, QemuVersion version) {
        Catalog view = newest.forQemu(version);
        return new QemuView(version.release(), view, newest.release(version));
    }

    /** The view of the newest release the catalog knows. */
    public static QemuView newest(Catalog newest) {
        return of(newest, newest.qemuVersion());
    }

    /** The view of the oldest of the releases; the newest view when there are none. */
    public static QemuView oldestOf(Catalog newest, Collection<QemuVersion> releases) {
        return releases.stream().min(QemuVersion::compareTo).map(v -> of(newest, v)).orElseGet(() -> newest(newest));
    }

    /** The release line, e.g. 7.2.0. */
    public QemuVersion release() {
        return release;
    }

    /** The catalog as this release knows it. */
    public Catalog catalog() {
        return catalog;
    }

    /** What the catalog has read from a real QEMU of this release (its machine types), where it has. */
    public Optional<QemuRelease> facts() {
        return facts;
    }

    /** Whether this release knows the definition (by name: QEMU knows models by name). */
    public boolean knowsDefinition(CpuDefinition definition) {
        return catalog.definition(definition.name()).isPresent();
    }

    /**
     * The names this release's query-cpu-definitions lists for the definitions (named and static, in release
     * order; the accelerator models {@code qemu}, {@code max} and {@code host} left out): what a host record
     * may omit when it names this release.
     */
    public List<String> definitionNames() {
        List<String> out = new ArrayList<>();
        for (CpuDefinition d : catalog.definitions()) {
            out.add(d.name());
            out.add(d.staticName());
        }
        return out;
    }

    /** The machine types of this release, oldest first, where the catalog has seen it. */
    public Optional<List<String>> machineTypes() {
        return facts.map(QemuRelease::machineTypes);
    }

    /**
     * Whether this release runs guests of a machine type. For a release the catalog has seen, its list decides;
     * otherwise a machine type newer than the release is unknown, the release's own is known, and an older one
     * is uncertain (QEMU retires old machine types: 10.0 no longer has s390-ccw-virtio-2.4 to 2.8).
     */
    public MachineTypeSupport machineTypeSupport(String machineType) {
        Objects.requireNonNull(machineType, "machineType");
        if (QemuRelease.ALIAS.equals(machineType)) {
            return MachineTypeSupport.KNOWN;
        }
        if (facts.isPresent()) {
            return facts.get().knowsMachineType(machineType) ? MachineTypeSupport.KNOWN : MachineTypeSupport.UNKNOWN;
        }
        Matcher m = MACHINE.matcher(machineType);
        if (!m.matches()) {
            return MachineTypeSupport.UNKNOWN;
        }
        QemuVersion of = new QemuVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 0);
        int c = of.compareTo(release);
        return c > 0 ? MachineTypeSupport.UNKNOWN : c == 0 ? MachineTypeSupport.KNOWN : MachineTypeSupport.UNCERTAIN;
    }

    /**
     * A definition as this release sees it: itself where the release knows it; else the definition QEMU's model
     * search finds in this release for its machine type, generation and GA (a gen17a machine is gen16b to QEMU
     * 7.2: the newest definition not newer than it, of its type if the release has one).
     */
    public CpuDefinition reduce(CpuDefinition definition) {
        if (knowsDefinition(definition)) {
            return catalog.definition(definition.name()).orElseThrow();
        }
        return ModelSearch.find(catalog, definition.machineType(), definition.generation(), definition.ga(), null)
                .orElseThrow(() -> new IllegalStateException("QEMU " + release + " knows no definition at all"));
    }

    /**
     * A model as this release sees it: the features the release knows; a definition the release does not know
     * is reduced (see {@link #reduce(CpuDefinition)}) and the features masked by the reduced one's full set, as
     * QEMU masks a host model.
     */
    public CpuModel reduce(CpuModel model) {
        if (knowsDefinition(model.definition())) {
            return new CpuModel(reduce(model.definition()), model.features().and(catalog.knownFeatures()));
        }
        CpuDefinition d = reduce(model.definition());
        return new CpuModel(d, model.features().and(d.full()));
    }

    /** The features of a set this release does not know. */
    public FeatureSet unknownFeatures(FeatureSet set) {
        FeatureSet known = catalog.knownFeatures();
        // the usual answer, none, without making a set (every migration check asks)
        return known.containsAll(set) ? FeatureSet.empty() : set.andNot(known);
    }

    @Override
    public String toString() {
        return "QEMU " + release.major() + "." + release.minor();
    }
}
