package dev.gcm.facilitydb.catalog;

import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.model.Ibc;
import java.util.Objects;

/**
 * One IBM Z CPU definition (a machine type at one GA level) with its three feature sets.
 *
 * @param index        position in release order (the order model search walks)
 * @param name         e.g. {@code z14}
 * @param machineType  e.g. 0x3906
 * @param generation   CMOS generation, e.g. 14
 * @param ga           GA level within the generation
 * @param ibc          instruction-blocking level of this definition (0 before z10)
 * @param description  human name
 * @param sinceQemu    first QEMU release that knew it
 * @param featureLevel the GA series whose cumulative lists it uses, e.g. GEN14_GA1
 * @param base         features every machine of this kind has; never changes
 * @param defaults     features of the named (non-static) model
 * @param full         every feature a machine of this kind can have
 */
public record CpuDefinition(int index, String name, int machineType, int generation, int ga, Ibc ibc,
                            String description, QemuVersion sinceQemu, String featureLevel,
                            FeatureSet base, FeatureSet defaults, FeatureSet full) {

    public CpuDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(full, "full");
        Objects.requireNonNull(ibc, "ibc");
        if (machineType < 0 || machineType > 0xffff) {
            throw new IllegalArgumentException(name + ": machine type out of range");
        }
    }

    /** The name of the static model that starts from the base set, e.g. {@code z14-base}. */
    public String staticName() {
        return name + "-base";
    }

    /** The machine type as IBM writes it, four hex digits, e.g. "3906". */
    public String machineTypeText() {
        return String.format("%04x", machineType);
    }

    /** True when this definition is of an older generation/GA than the other (EC and BC of one GA tie). */
    public boolean isOlderThan(CpuDefinition other) {
        return generation < other.generation || (generation == other.generation && ga < other.ga);
    }

    @Override
    public String toString() {
        return name;
    }
}
