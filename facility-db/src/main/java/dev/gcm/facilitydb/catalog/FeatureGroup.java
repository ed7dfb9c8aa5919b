package dev.gcm.facilitydb.catalog;

import dev.gcm.facilitydb.model.FeatureSet;
import java.util.Objects;

/**
 * A named group of features that QEMU switches on or off together (e.g. {@code msa5}) and uses to
 * shorten feature lists in its answers.
 */
public record FeatureGroup(int index, String name, String description, QemuVersion sinceQemu,
                           FeatureSet features) {

    public FeatureGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(sinceQemu, "sinceQemu");
    }
}
