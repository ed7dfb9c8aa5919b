package dev.gcm.facilitydb.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * One CPU feature as QEMU and libvirt name it.
 *
 * @param index            position in the catalog (QEMU's feature order); the bit used in {@code FeatureSet}
 * @param name             the QEMU property name, e.g. {@code vx}
 * @param kind             where its bit lives
 * @param bit              bit number within its kind (for STFL: the STFLE facility number)
 * @param description      what it is
 * @param sinceQemu        the first QEMU release that knew it
 * @param deprecatedSince  the first QEMU release that reports it deprecated ({@code deprecated-props}), if any
 */
public record Feature(int index, String name, FeatureKind kind, int bit, String description,
                      QemuVersion sinceQemu, Optional<QemuVersion> deprecatedSince) {

    public Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sinceQemu, "sinceQemu");
        Objects.requireNonNull(deprecatedSince, "deprecatedSince");
        if (index < 0 || bit < 0) {
            throw new IllegalArgumentException("feature " + name + ": negative index or bit");
        }
    }

    /** Whether QEMU of the given release reports this feature deprecated. */
    public boolean deprecatedIn(QemuVersion release) {
        return deprecatedSince.map(release::atLeast).orElse(false);
    }
}
