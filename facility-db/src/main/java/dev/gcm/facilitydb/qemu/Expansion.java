package dev.gcm.facilitydb.qemu;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** Static and full expansion of a CPU model, as query-cpu-model-expansion answers them. */
public final class Expansion {

    /** The two kinds of expansion QEMU offers. */
    public enum Type {
        /** {@code <def>-base} plus the differences to the base set. */
        STATIC,
        /** {@code <def>-base} with every feature switched on or off. */
        FULL
    }

    private Expansion() {
    }

    public static CpuModelInfo expand(Catalog catalog, CpuModel model, Type type) {
        return type == Type.STATIC ? staticForm(catalog, model) : fullForm(catalog, model);
    }

    /** The base model of the definition plus the features removed from and added to its base set. */
    public static CpuModelInfo staticForm(Catalog catalog, CpuModel model) {
        Map<String, Boolean> props = new LinkedHashMap<>();
        FeatureSet base = model.definition().base();
        FeatureNames.compressed(catalog, base.andNot(model.features())).forEach(n -> props.put(n, false));
        FeatureNames.compressed(catalog, model.features().andNot(base)).forEach(n -> props.put(n, true));
        return new CpuModelInfo(model.definition().staticName(), props);
    }

    /** The base model of the definition with every known feature switched on or off. */
    public static CpuModelInfo fullForm(Catalog catalog, CpuModel model) {
        Map<String, Boolean> props = new LinkedHashMap<>();
        FeatureNames.compressed(catalog, model.features()).forEach(n -> props.put(n, true));
        FeatureNames.compressed(catalog, catalog.knownFeatures().andNot(model.features()))
                .forEach(n -> props.put(n, false));
        return new CpuModelInfo(model.definition().staticName(), props);
    }

    /**
     * The static form with every deprecated feature (of any release, see
     * {@link Catalog#deprecatedByAnyRelease()}) that the model lacks switched off explicitly, as libvirt's
     * {@code deprecated_features='off'} has QEMU do: for {@code -cpu} arguments and libvirt XML of a GCM computed
     * with deprecated features off. It resolves to the same model.
     */
    public static CpuModelInfo staticFormDeprecatedOff(Catalog catalog, CpuModel model) {
        CpuModelInfo info = staticForm(catalog, model);
        Map<String, Boolean> props = new LinkedHashMap<>(info.props());
        catalog.names(catalog.deprecatedByAnyRelease().andNot(model.features())).forEach(n -> props.putIfAbsent(n, false));
        return new CpuModelInfo(info.name(), props);
    }
}
