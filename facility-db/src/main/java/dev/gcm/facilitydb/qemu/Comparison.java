package dev.gcm.facilitydb.qemu;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Compares two CPU models as query-cpu-model-comparison does. */
public final class Comparison {

    /** The property QEMU names when generation or GA level differ. */
    public static final String TYPE_PROPERTY = "type";

    /**
     * @param result                the relation of A to B
     * @param responsibleProperties what makes them differ, in QEMU's order
     * @param missing               features A has and B lacks
     * @param added                 features B has and A lacks
     */
    public record Result(CompareResult result, List<String> responsibleProperties, FeatureSet missing,
                         FeatureSet added) {
        public Result {
            responsibleProperties = List.copyOf(responsibleProperties);
        }
    }

    private Comparison() {
    }

    /** Compares A (e.g. a guest) with B (e.g. a host). */
    public static Result compare(Catalog catalog, CpuModel a, CpuModel b) {
        // QEMU prepends each name to its answer list; build in its order, then reverse.
        List<String> names = new ArrayList<>();
        CompareResult gen = generationResult(a, b);
        if (gen != CompareResult.IDENTICAL) {
            names.add(TYPE_PROPERTY);
        }
        FeatureSet missing = a.features().andNot(b.features());
        FeatureSet added = b.features().andNot(a.features());
        CompareResult feat;
        if (missing.isEmpty() && added.isEmpty()) {
            feat = CompareResult.IDENTICAL;
        } else {
            names.addAll(FeatureNames.compressed(catalog, missing));
            names.addAll(FeatureNames.compressed(catalog, added));
            if (missing.isEmpty()) {
                feat = CompareResult.SUBSET;
            } else if (added.isEmpty()) {
                feat = CompareResult.SUPERSET;
            } else {
                feat = CompareResult.INCOMPATIBLE;
            }
        }
        Collections.reverse(names);
        return new Result(combine(gen, feat), names, missing, added);
    }

    private static CompareResult generationResult(CpuModel a, CpuModel b) {
        var da = a.definition();
        var db = b.definition();
        if (da.generation() == db.generation()) {
            if (da.ga() == db.ga()) {
                return CompareResult.IDENTICAL;
            }
            return da.ga() < db.ga() ? CompareResult.SUBSET : CompareResult.SUPERSET;
        }
        return da.generation() < db.generation() ? CompareResult.SUBSET : CompareResult.SUPERSET;
    }

    private static CompareResult combine(CompareResult gen, CompareResult feat) {
        if (gen == feat || feat == CompareResult.IDENTICAL) {
            return gen;
        }
        if (gen == CompareResult.IDENTICAL) {
            return feat;
        }
        return CompareResult.INCOMPATIBLE;
    }
}
