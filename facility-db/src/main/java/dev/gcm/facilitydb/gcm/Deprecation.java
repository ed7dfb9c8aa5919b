package dev.gcm.facilitydb.gcm;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.Feature;
import dev.gcm.facilitydb.model.FeatureSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How explanations speak of deprecated features (QEMU's csske, bpb, te, cte): named as deprecated, listed
 * before the others, and followed by what it means: which machines dropped them, and that a pool with
 * deprecated features off does not depend on them. A feature counts as deprecated here when any QEMU release
 * the catalog knows reports it so ({@link Catalog#deprecatedByAnyRelease()}), so explanations say the same in
 * every view.
 */
public final class Deprecation {

    private Deprecation() {
    }

    /** The names of a set, the deprecated ones first, each part in catalog order. */
    public static List<String> deprecatedFirst(Catalog catalog, FeatureSet set) {
        List<String> out = new ArrayList<>(catalog.names(set.and(catalog.deprecatedByAnyRelease())));
        out.addAll(catalog.names(set.andNot(catalog.deprecatedByAnyRelease())));
        return out;
    }

    /** The deprecated features of a set, by name. */
    public static List<String> deprecated(Catalog catalog, FeatureSet set) {
        return catalog.names(set.and(catalog.deprecatedByAnyRelease()));
    }

    /**
     * What follows when deprecated features are at issue, e.g. "csske and bpb are deprecated (QEMU 9.1 and
     * later); gen15 and later dropped csske and bpb; a pool with deprecatedFeatures: off does not depend on
     * them"; empty when none of the features is deprecated.
     */
    public static Optional<String> consequence(Catalog catalog, FeatureSet features) {
        FeatureSet dep = features.and(catalog.deprecatedByAnyRelease());
        if (dep.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = catalog.names(dep);
        String since = dep.stream().mapToObj(i -> catalog.feature(i).orElseThrow()).map(Feature::deprecatedSince)
                .flatMap(Optional::stream).min(Comparable::compareTo).map(v -> " (QEMU " + v.major() + "." + v.minor()
                        + " and later)").orElse("");
        List<String> parts = new ArrayList<>();
        parts.add(and(names) + (names.size() == 1 ? " is" : " are") + " deprecated" + since);
        droppedBy(catalog, dep).forEach((gen, dropped) -> parts.add(gen + " and later dropped " + and(dropped)));
        parts.add("a pool with deprecatedFeatures: off does not depend on " + (names.size() == 1 ? "it" : "them"));
        return Optional.of(String.join("; ", parts));
    }

    /**
     * Names features for an explanation: "the deprecated csske, bpb (consequence) and vx, gs", or the plain
     * list when none is deprecated.
     */
    public static String describe(Catalog catalog, FeatureSet features) {
        Optional<String> consequence = consequence(catalog, features);
        List<String> others = catalog.names(features.andNot(catalog.deprecatedByAnyRelease()));
        if (consequence.isEmpty()) {
            return String.join(", ", others);
        }
        String dep = "the deprecated " + String.join(", ", deprecated(catalog, features)) + " (" + consequence.get() + ")";
        return others.isEmpty() ? dep : dep + " and " + String.join(", ", others);
    }

    /**
     * For each generation from which the definitions' default sets lack deprecated features that older
     * definitions had: the generation's name ("gen15") and those features.
     */
    static Map<String, List<String>> droppedBy(Catalog catalog, FeatureSet deprecated) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        deprecated.forEach(i -> {
            CpuDefinition lastWith = null;
            CpuDefinition firstWithout = null;
            for (CpuDefinition d : catalog.definitions()) {
                if (d.defaults().contains(i)) {
                    lastWith = d;
                    firstWithout = null;
                } else if (lastWith != null && firstWithout == null && lastWith.isOlderThan(d)) {
                    firstWithout = d;
                }
            }
            if (firstWithout != null) {
                out.computeIfAbsent(generationName(firstWithout), g -> new ArrayList<>()).add(catalog.names(FeatureSet.of(i)).get(0));
            }
        });
        return out;
    }

    /** "gen15" for gen15a, "z14" for z14, as people name a generation. */
    private static String generationName(CpuDefinition d) {
        return d.name().matches("gen[0-9]+[a-z]") ? d.name().substring(0, d.name().length() - 1) : d.name();
    }

    private static String and(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
