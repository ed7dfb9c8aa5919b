package dev.gcm.facilitydb.qemu;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.FeatureGroup;
import dev.gcm.facilitydb.model.FeatureSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a feature set as QEMU names it in its answers: whole groups first (in group order), then the
 * remaining features (in catalog order).
 */
public final class FeatureNames {

    private FeatureNames() {
    }

    public static List<String> compressed(Catalog catalog, FeatureSet set) {
        List<String> out = new ArrayList<>();
        FeatureSet rest = set;
        for (FeatureGroup g : catalog.groups()) {
            if (!g.features().isEmpty() && rest.containsAll(g.features())) {
                rest = rest.andNot(g.features());
                out.add(g.name());
            }
        }
        out.addAll(catalog.names(rest));
        return out;
    }
}
