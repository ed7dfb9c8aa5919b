package dev.gcm.hypervisor.kvm;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.model.FacilityList;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import java.util.Objects;

/**
 * A host of any catalog definition as the simulation presents it to KVM's interface: the machine has
 * the definition's default features less those masked (by firmware, the LPAR or z/VM), KVM adds the
 * soft facilities it emulates to its mask, and the host runs the given IBC range.
 *
 * @param definition the machine's definition
 * @param masked     features the host does not offer
 * @param soft       facilities KVM emulates (in the mask, not in the machine's list)
 * @param ibcRange   lowest and unblocked IBC
 * @param cpuid      the CPU id; its bits 16-31 are the machine type
 */
public record SimulatedHost(CpuDefinition definition, FeatureSet masked, FacilityList soft, IbcRange ibcRange,
                            long cpuid) {

    public SimulatedHost {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(masked, "masked");
        Objects.requireNonNull(soft, "soft");
        Objects.requireNonNull(ibcRange, "ibcRange");
    }

    /**
     * A host of a definition with defaults: nothing masked, no soft facilities, the IBC range from z10
     * GA1 (or the definition, before z10) up to the definition, and a cpuid with its machine type.
     */
    public static SimulatedHost of(CpuDefinition def) {
        Ibc lowest = def.ibc().isNone() ? Ibc.NONE : Ibc.of(10, 1);
        return new SimulatedHost(def, FeatureSet.empty(), FacilityList.empty(), new IbcRange(lowest, def.ibc()),
                defaultCpuid(def));
    }

    /** version 0, identification from the definition's position, the machine type, format bit. */
    static long defaultCpuid(CpuDefinition def) {
        return ((long) (0x010000 + def.index()) << 32) | ((long) def.machineType() << 16) | 0x8000L;
    }

    public SimulatedHost withMasked(FeatureSet features) {
        return new SimulatedHost(definition, features, soft, ibcRange, cpuid);
    }

    public SimulatedHost withSoft(FacilityList facilities) {
        return new SimulatedHost(definition, masked, facilities, ibcRange, cpuid);
    }

    public SimulatedHost withIbcRange(IbcRange range) {
        return new SimulatedHost(definition, masked, soft, range, cpuid);
    }

    /** The features the machine has: the definition's default set less the masked ones. */
    FeatureSet machineFeatures() {
        return definition.defaults().andNot(masked);
    }

    MachineAttr machineAttr(Catalog catalog) {
        FacilityList hard = catalog.facilityList(machineFeatures());
        return new MachineAttr(cpuid, ibcRange, hard.or(soft), hard);
    }

    /** A machine reports every SCLP feature of its generation (the full set), less the masked ones. */
    byte[] featAttr(Catalog catalog) {
        return CpuFeatBits.encode(catalog, definition.full().andNot(masked));
    }

    byte[] subfuncAttr(Catalog catalog) {
        FeatureSet.Builder sub = FeatureSet.builder();
        machineFeatures().forEach(i -> catalog.feature(i)
                .filter(f -> SubfunctionBlocks.isSubfunctionKind(f.kind()))
                .ifPresent(f -> sub.add(i)));
        return SubfunctionBlocks.encode(catalog, sub.build());
    }
}
