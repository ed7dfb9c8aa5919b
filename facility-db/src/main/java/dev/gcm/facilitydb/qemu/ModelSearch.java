package dev.gcm.facilitydb.qemu;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.model.FeatureSet;
import java.util.Optional;

/**
 * Finds the definition for a machine type, generation, GA level and feature set, as QEMU's model
 * search does: walk the definitions in release order; stop at the first one newer than the wanted
 * generation/GA, or whose base set (less the ignored base features) the features do not cover; an
 * exact type and GA match wins at once; otherwise prefer the last definition of the same machine
 * type, else the last compatible one.
 */
public final class ModelSearch {

    private ModelSearch() {
    }

    /**
     * @param type     machine type, 0 for any
     * @param gen      generation, 0 when unknown (then taken from the type)
     * @param ga       GA level (ignored when the generation is unknown)
     * @param features the features to satisfy; null to ignore features
     */
    public static Optional<CpuDefinition> find(Catalog catalog, int type, int gen, int ga, FeatureSet features) {
        if (gen == 0) {
            ga = 0;
            if (type != 0) {
                gen = catalog.generationOfType(type);
            }
        }
        FeatureSet ignored = catalog.ignoredBaseFeatures();
        CpuDefinition lastCompatible = null;
        CpuDefinition sameType = null;
        for (CpuDefinition def : catalog.definitions()) {
            if (gen != 0 && (def.generation() > gen || (def.generation() == gen && ga != 0 && def.ga() > ga))) {
                break;
            }
            if (features != null && !missingBase(def, features, ignored).isEmpty()) {
                break;
            }
            if (def.machineType() == type && def.ga() == ga) {
                return Optional.of(def);
            }
            if (def.machineType() == type) {
                sameType = def;
            }
            lastCompatible = def;
        }
        return Optional.ofNullable(sameType != null ? sameType : lastCompatible);
    }

    /** The base features of a definition, less the ignored ones, that the features lack. */
    public static FeatureSet missingBase(CpuDefinition def, FeatureSet features, FeatureSet ignored) {
        if (features.containsAll(def.base())) {
            return FeatureSet.empty();
        }
        return def.base().andNot(features).andNot(ignored);
    }
}
