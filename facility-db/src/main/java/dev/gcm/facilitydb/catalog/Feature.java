package dev.gcm.facilitydb.catalog;

import java.util.Objects;

/**
 * One CPU feature as QEMU and libvirt name it.
 *
 * @param index       position in the catalog (QEMU's feature order); the bit used in {@code FeatureSet}
 * @param name        the QEMU property name, e.g. {@code vx}
 * @param kind        where its bit lives
 * @param bit         bit number within its kind (for STFL: the STFLE facility number)
 * @param description what it is
 * @param sinceQemu   the first QEMU release that knew it
 * @param deprecated  whether QEMU marks it deprecated
 */
public record Feature(int index, String name, FeatureKind kind, int bit, String description,
                      QemuVersion sinceQemu, boolean deprecated) {

    public Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sinceQemu, "sinceQemu");
        if (index < 0 || bit < 0) {
            throw new IllegalArgumentException("feature " + name + ": negative index or bit");
        }
    }
}
