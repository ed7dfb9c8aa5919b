package dev.gcm.facilitydb.catalog;

import dev.gcm.facilitydb.model.FacilityList;
import dev.gcm.facilitydb.model.FeatureSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every IBM Z CPU definition, feature and feature group, as one QEMU release knows them.
 *
 * <p>{@link #load()} gives the newest catalog; {@link #forQemu(QemuVersion)} gives the view of an
 * older release (its features, groups and definitions only). Feature indices are the same in every
 * view, so feature sets move freely between them.
 */
public final class Catalog {

    private static volatile Catalog newest;

    private final QemuVersion qemuVersion;
    private final List<Feature> features;
    private final Feature[] byIndex;
    private final Map<String, Feature> featuresByName;
    private final List<FeatureGroup> groups;
    private final Map<String, FeatureGroup> groupsByName;
    private final List<CpuDefinition> definitions;
    private final Map<String, CpuDefinition> definitionsByName;
    private final Map<Integer, Feature> stflByBit;
    private final FeatureSet known;
    private final FeatureSet ignoredBaseFeatures;
    private final FeatureSet deprecated;
    private final FeatureSet deprecatedByAnyRelease;
    private final List<QemuRelease> releases;
    private final Map<QemuVersion, Catalog> views = new ConcurrentHashMap<>();

    Catalog(QemuVersion qemuVersion, int indexLimit, List<Feature> features, List<FeatureGroup> groups,
            List<CpuDefinition> definitions, FeatureSet ignoredBaseFeatures, List<QemuRelease> releases) {
        this.qemuVersion = qemuVersion;
        this.releases = List.copyOf(releases);
        this.features = List.copyOf(features);
        this.byIndex = new Feature[indexLimit];
        Map<String, Feature> names = new LinkedHashMap<>();
        Map<Integer, Feature> stfl = new LinkedHashMap<>();
        FeatureSet.Builder knownBits = FeatureSet.builder();
        FeatureSet.Builder deprecatedBits = FeatureSet.builder();
        FeatureSet.Builder deprecatedLaterBits = FeatureSet.builder();
        for (Feature f : features) {
            byIndex[f.index()] = f;
            names.put(f.name(), f);
            knownBits.add(f.index());
            if (f.deprecatedIn(qemuVersion)) {
                deprecatedBits.add(f.index());
            }
            if (f.deprecatedSince().isPresent()) {
                deprecatedLaterBits.add(f.index());
            }
            if (f.kind() == FeatureKind.STFL) {
                stfl.put(f.bit(), f);
            }
        }
        this.featuresByName = Collections.unmodifiableMap(names);
        this.stflByBit = Collections.unmodifiableMap(stfl);
        this.known = knownBits.build();
        this.deprecated = deprecatedBits.build();
        this.deprecatedByAnyRelease = deprecatedLaterBits.build();
        this.groups = List.copyOf(groups);
        Map<String, FeatureGroup> groupNames = new LinkedHashMap<>();
        groups.forEach(g -> groupNames.put(g.name(), g));
        this.groupsByName = Collections.unmodifiableMap(groupNames);
        this.definitions = List.copyOf(definitions);
        Map<String, CpuDefinition> defNames = new LinkedHashMap<>();
        definitions.forEach(d -> defNames.put(d.name(), d));
        this.definitionsByName = Collections.unmodifiableMap(defNames);
        this.ignoredBaseFeatures = ignoredBaseFeatures.and(known);
    }

    /** The newest catalog, loaded once from the bundled resource. */
    public static Catalog load() {
        Catalog c = newest;
        if (c == null) {
            synchronized (Catalog.class) {
                if (newest == null) {
                    newest = CatalogLoader.loadBundled();
                }
                c = newest;
            }
        }
        return c;
    }

    /**
     * The catalog as the given QEMU release knows it: features, groups and definitions that release
     * had, group members and feature sets restricted to them. Versions newer than this catalog give it
     * unchanged.
     *
     * @throws UnsupportedQemuException for a release older than the first with s390x CPU models (2.8)
     */
    public Catalog forQemu(QemuVersion version) {
        QemuVersion release = version.release();
        if (!release.atLeast(QemuVersion.FIRST_WITH_CPU_MODELS)) {
            throw new UnsupportedQemuException(version);
        }
        if (release.atLeast(qemuVersion)) {
            return this;
        }
        return views.computeIfAbsent(release, v -> CatalogViews.restrict(this, v));
    }

    /** The releases whose machine types the catalog has read from a real QEMU, oldest first. */
    public List<QemuRelease> releases() {
        return releases;
    }

    /** What the catalog has seen of the release line of a version (7.2.22 is release 7.2), if it has. */
    public Optional<QemuRelease> release(QemuVersion version) {
        QemuVersion line = version.release();
        return releases.stream().filter(r -> r.version().release().equals(line)).findFirst();
    }

    /** The QEMU release this catalog describes. */
    public QemuVersion qemuVersion() {
        return qemuVersion;
    }

    public List<Feature> features() {
        return features;
    }

    public List<FeatureGroup> groups() {
        return groups;
    }

    /** Definitions in release order. */
    public List<CpuDefinition> definitions() {
        return definitions;
    }

    public Optional<Feature> feature(String name) {
        return Optional.ofNullable(featuresByName.get(name));
    }

    /** The feature at a catalog index, if this catalog knows it. */
    public Optional<Feature> feature(int index) {
        return index >= 0 && index < byIndex.length ? Optional.ofNullable(byIndex[index]) : Optional.empty();
    }

    public Optional<FeatureGroup> group(String name) {
        return Optional.ofNullable(groupsByName.get(name));
    }

    /** A definition by its name, e.g. {@code z14}. */
    public Optional<CpuDefinition> definition(String name) {
        return Optional.ofNullable(definitionsByName.get(name));
    }

    /** The STFL feature for a facility number, if the catalog names it. */
    public Optional<Feature> stflFeature(int facility) {
        return Optional.ofNullable(stflByBit.get(facility));
    }

    /** The generation of the first definition of a machine type; 0 for an unknown type. */
    public int generationOfType(int machineType) {
        for (CpuDefinition d : definitions) {
            if (d.machineType() == machineType) {
                return d.generation();
            }
        }
        return 0;
    }

    public boolean knowsMachineType(int machineType) {
        return generationOfType(machineType) != 0;
    }

    /** Every feature this catalog knows. */
    public FeatureSet knownFeatures() {
        return known;
    }

    /** Base features model search does not require (MSA subfunctions, csske). */
    public FeatureSet ignoredBaseFeatures() {
        return ignoredBaseFeatures;
    }

    /** The features this catalog's QEMU release reports deprecated (QEMU 9.1 and later; none in 7.2). */
    public FeatureSet deprecatedFeatures() {
        return deprecated;
    }

    /**
     * The features of this view that this or any newer QEMU release reports deprecated: what a GCM with
     * deprecated features off leaves out, so that hosts of every release agree on it.
     */
    public FeatureSet deprecatedByAnyRelease() {
        return deprecatedByAnyRelease;
    }

    /** Size of the index space (the same in every view). */
    public int indexLimit() {
        return byIndex.length;
    }

    /** Feature names of a set, in catalog order. */
    public List<String> names(FeatureSet set) {
        List<String> out = new ArrayList<>(set.size());
        set.forEach(i -> out.add(nameOf(i)));
        return out;
    }

    private String nameOf(int index) {
        Feature f = index < byIndex.length ? byIndex[index] : null;
        return f != null ? f.name() : "#" + index;
    }

    /**
     * The set of the named features.
     *
     * @throws UnknownNamesException listing every name this catalog does not know
     */
    public FeatureSet featureSet(Collection<String> names) {
        FeatureSet.Builder b = FeatureSet.builder();
        List<String> unknown = new ArrayList<>();
        for (String n : names) {
            Feature f = featuresByName.get(n);
            if (f == null) {
                unknown.add(n);
            } else {
                b.add(f.index());
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownNamesException("feature", unknown);
        }
        return b.build();
    }

    /** The STFL features whose facility bits are set; facilities the catalog does not name are left out. */
    public FeatureSet stflFeatures(FacilityList facilities) {
        FeatureSet.Builder b = FeatureSet.builder();
        facilities.stream().forEach(bit -> {
            Feature f = stflByBit.get(bit);
            if (f != null) {
                b.add(f.index());
            }
        });
        return b.build();
    }

    /** The facility list of a set's STFL features (other kinds have no facility bit). */
    public FacilityList facilityList(FeatureSet set) {
        return FacilityList.of(set.stream()
                .mapToObj(i -> byIndex[i])
                .filter(f -> f != null && f.kind() == FeatureKind.STFL)
                .mapToInt(Feature::bit)
                .toArray());
    }
}
