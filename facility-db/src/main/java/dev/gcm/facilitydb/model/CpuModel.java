package dev.gcm.facilitydb.model;

import dev.gcm.facilitydb.catalog.CpuDefinition;
import java.util.Objects;

/** A CPU model: a definition and the features a guest of this model sees. */
public record CpuModel(CpuDefinition definition, FeatureSet features) {

    public CpuModel {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(features, "features");
    }

    /** The named model of a definition: its default features. */
    public static CpuModel named(CpuDefinition definition) {
        return new CpuModel(definition, definition.defaults());
    }

    /** The static model of a definition: its base features. */
    public static CpuModel base(CpuDefinition definition) {
        return new CpuModel(definition, definition.base());
    }

    public Ibc ibc() {
        return definition.ibc();
    }
}
