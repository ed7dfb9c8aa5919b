package dev.gcm.facilitydb.catalog;

import java.util.List;
import java.util.Objects;

/**
 * What the catalog has seen of one QEMU release, read from the real QEMU (query-machines): the s390x machine
 * types it knows, those it marks deprecated, and its default. Definitions and features of a release follow from
 * their first releases ({@link Catalog#forQemu}).
 *
 * @param version                 the release, e.g. 7.2.0
 * @param machineTypes            e.g. {@code s390-ccw-virtio-7.2}, oldest first
 * @param deprecatedMachineTypes  those QEMU marks deprecated
 * @param defaultMachineType      what {@code s390-ccw-virtio} stands for
 */
public record QemuRelease(QemuVersion version, List<String> machineTypes, List<String> deprecatedMachineTypes,
                          String defaultMachineType) {

    /** The machine type without a version: an alias of the default in every release. */
    public static final String ALIAS = "s390-ccw-virtio";

    public QemuRelease {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(defaultMachineType, "defaultMachineType");
        machineTypes = List.copyOf(machineTypes);
        deprecatedMachineTypes = List.copyOf(deprecatedMachineTypes);
    }

    /** Whether this release runs guests of the machine type ({@code s390-ccw-virtio} itself always). */
    public boolean knowsMachineType(String machineType) {
        return ALIAS.equals(machineType) || machineTypes.contains(machineType);
    }
}
