package dev.gcm.hypervisor.kvm;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.FacilityList;
import dev.gcm.facilitydb.model.FeatureSet;
import java.util.Map;

/**
 * The CPU feature attribute (struct kvm_s390_vm_cpu_feat, 1024 bits numbered from the most significant
 * bit): KVM's own numbering of the SCLP-type features.
 */
public final class CpuFeatBits {

    /** QEMU feature name to KVM_S390_VM_CPU_FEAT_* bit. */
    static final Map<String, Integer> BITS = Map.ofEntries(
            Map.entry("esop", 0), Map.entry("sief2", 1), Map.entry("64bscao", 2), Map.entry("siif", 3),
            Map.entry("gpereh", 4), Map.entry("gsls", 5), Map.entry("ib", 6), Map.entry("cei", 7),
            Map.entry("ibs", 8), Map.entry("skey", 9), Map.entry("cmma", 10), Map.entry("pfmfi", 11),
            Map.entry("sigpif", 12), Map.entry("kss", 13));

    private CpuFeatBits() {
    }

    public static byte[] encode(Catalog catalog, FeatureSet features) {
        int[] bits = BITS.entrySet().stream()
                .filter(e -> catalog.feature(e.getKey()).map(f -> features.contains(f.index())).orElse(false))
                .mapToInt(Map.Entry::getValue).toArray();
        return FacilityList.of(bits).toBytes(KvmS390.FEAT_SIZE);
    }

    public static FeatureSet decode(Catalog catalog, byte[] bytes) {
        if (bytes.length != KvmS390.FEAT_SIZE) {
            throw new IllegalArgumentException("feature attribute has " + bytes.length + " bytes, want "
                    + KvmS390.FEAT_SIZE);
        }
        FacilityList bits = FacilityList.fromBytes(bytes);
        FeatureSet.Builder set = FeatureSet.builder();
        BITS.forEach((name, bit) -> {
            if (bits.contains(bit)) {
                catalog.feature(name).ifPresent(f -> set.add(f.index()));
            }
        });
        return set.build();
    }
}
