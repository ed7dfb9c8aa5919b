package dev.gcm.hypervisor.kvm;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.FeatureKind;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.qemu.ModelSearch;
import java.util.Map;
import java.util.Optional;

/**
 * The model a guest can get on a KVM host, built from KVM's machine attributes the way QEMU builds
 * its {@code host} model: STFL features from the facility mask, SCLP features from the feature
 * attribute, each subfunction family only when its facility is offered, the features QEMU itself
 * provides, a definition found from the machine type and the unblocked IBC, and the features masked by
 * that definition's full set.
 */
public final class KvmHostModel {

    /** The facility that gates each subfunction family (PLO has none). */
    private static final Map<FeatureKind, Integer> GATE = Map.ofEntries(
            Map.entry(FeatureKind.PTFF, 28), Map.entry(FeatureKind.KMAC, 17), Map.entry(FeatureKind.KMC, 17),
            Map.entry(FeatureKind.KM, 17), Map.entry(FeatureKind.KIMD, 17), Map.entry(FeatureKind.KLMD, 17),
            Map.entry(FeatureKind.PCKMO, 76), Map.entry(FeatureKind.KMCTR, 77), Map.entry(FeatureKind.KMF, 77),
            Map.entry(FeatureKind.KMO, 77), Map.entry(FeatureKind.PCC, 77), Map.entry(FeatureKind.PPNO, 57),
            Map.entry(FeatureKind.KMA, 146), Map.entry(FeatureKind.KDSA, 155), Map.entry(FeatureKind.SORTL, 150),
            Map.entry(FeatureKind.DFLTCC, 151), Map.entry(FeatureKind.PFCR, 201));

    /** Provided by QEMU on every KVM host, whatever the mask says. */
    private static final String[] ALWAYS = {"zpci", "aen", "els"};

    private KvmHostModel() {
    }

    public static Optional<CpuModel> build(Catalog catalog, MachineAttr machine, FeatureSet sclp,
                                           FeatureSet subfunctions) {
        FeatureSet.Builder b = catalog.stflFeatures(machine.facMask()).toBuilder().addAll(sclp);
        subfunctions.forEach(i -> catalog.feature(i).ifPresent(f -> {
            Integer gate = GATE.get(f.kind());
            if (gate == null || machine.facMask().contains(gate)) {
                b.add(i);
            }
        }));
        for (String name : ALWAYS) {
            catalog.feature(name).ifPresent(f -> b.add(f.index()));
        }
        if (machine.facMask().contains(7)) {
            catalog.feature("dateh2").ifPresent(f -> b.add(f.index()));
        }
        if (catalog.feature("cmma").map(f -> sclp.contains(f.index())).orElse(false)) {
            catalog.feature("cmm").ifPresent(f -> b.add(f.index()));
        }
        FeatureSet features = b.build();
        Ibc unblocked = machine.ibc().unblocked();
        int type = machine.machineType();
        Optional<CpuDefinition> def = catalog.knowsMachineType(type)
                ? ModelSearch.find(catalog, type, unblocked.generation(), unblocked.ga(), null)
                : ModelSearch.find(catalog, 0, unblocked.generation(), unblocked.ga(), features);
        return def.map(d -> new CpuModel(d, features.and(d.full())));
    }
}
