package dev.gcm.facilitydb.qemu;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.Feature;
import dev.gcm.facilitydb.catalog.FeatureGroup;
import dev.gcm.facilitydb.catalog.UnknownNamesException;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@link CpuModelInfo} into a {@link CpuModel} exactly as QEMU does: a definition name
 * starts from the default set, a {@code -base} name from the base set, and the properties switch
 * features and groups in QEMU's order. Switching a feature on that the definition's full set lacks is
 * refused (a group is refused only when none of its features is in the full set).
 */
public final class ModelResolver {

    private static final Set<String> ACCELERATOR_MODELS = Set.of("host", "max", "qemu");

    private final Catalog catalog;

    public ModelResolver(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @throws UnknownNamesException when the model or any property is unknown (all are listed)
     * @throws ModelException        when a property may not be switched on for this definition
     */
    public CpuModel resolve(CpuModelInfo info) {
        boolean isStatic = info.name().endsWith("-base");
        String defName = isStatic ? info.name().substring(0, info.name().length() - 5) : info.name();
        Optional<CpuDefinition> found = catalog.definition(defName);
        if (found.isEmpty()) {
            if (ACCELERATOR_MODELS.contains(info.name())) {
                throw new ModelException("CPU model '" + info.name() + "' depends on the accelerator and host;"
                        + " expand it with QEMU first (gcm probe), or name a definition (gcm models)");
            }
            throw new UnknownNamesException("CPU model", List.of(info.name()), suggestion(info.name()));
        }
        CpuDefinition def = found.get();
        checkPropertyNames(info.props());
        FeatureSet.Builder features = (isStatic ? def.base() : def.defaults()).toBuilder();
        List<String> refused = new ArrayList<>();
        for (String prop : QdictOrder.iterationOrder(new ArrayList<>(info.props().keySet()))) {
            boolean on = info.props().get(prop);
            Optional<Feature> feature = catalog.feature(prop);
            if (feature.isPresent()) {
                int index = feature.get().index();
                if (!on) {
                    features.remove(index);
                } else if (def.full().contains(index)) {
                    features.add(index);
                } else {
                    refused.add("feature '" + prop + "'");
                }
            } else {
                FeatureGroup group = catalog.group(prop).orElseThrow();
                if (!on) {
                    features.removeAll(group.features());
                } else if (group.features().intersects(def.full())) {
                    features.addAll(group.features());
                } else {
                    refused.add("group '" + prop + "'");
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new ModelException("not available for CPU model '" + def.name()
                    + "' (introduced with later models): " + String.join(", ", refused));
        }
        return new CpuModel(def, features.build());
    }

    /** QEMU names the machines after z14 by generation: z15 is gen15a (EC) or gen15b (BC). */
    private String suggestion(String name) {
        String base = name.endsWith("-base") ? name.substring(0, name.length() - 5) : name;
        String suffix = name.endsWith("-base") ? "-base" : "";
        if (base.matches("z1[5-9]")) {
            String gen = "gen" + base.substring(1);
            if (catalog.definition(gen + "a").isPresent()) {
                return "did you mean " + gen + "a" + suffix + " or " + gen + "b" + suffix + "?";
            }
        }
        return null;
    }

    private void checkPropertyNames(Map<String, Boolean> props) {
        List<String> unknown = props.keySet().stream()
                .filter(p -> catalog.feature(p).isEmpty() && catalog.group(p).isEmpty())
                .toList();
        if (!unknown.isEmpty()) {
            throw new UnknownNamesException("property", unknown);
        }
    }
}
