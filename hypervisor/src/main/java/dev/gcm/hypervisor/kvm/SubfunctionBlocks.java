package dev.gcm.hypervisor.kvm;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.Feature;
import dev.gcm.facilitydb.catalog.FeatureKind;
import dev.gcm.facilitydb.model.FacilityList;
import dev.gcm.facilitydb.model.FeatureSet;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The subfunction attribute (struct kvm_s390_vm_cpu_subfunc): one query block per instruction, each
 * numbered from its most significant bit. Encodes and decodes features of the subfunction kinds.
 */
public final class SubfunctionBlocks {

    /** Where each block starts and how long it is, in the structure's order. */
    private record Block(int offset, int length) {
    }

    private static final Map<FeatureKind, Block> LAYOUT = new EnumMap<>(FeatureKind.class);

    static {
        int offset = 0;
        FeatureKind[] order = {FeatureKind.PLO, FeatureKind.PTFF, FeatureKind.KMAC, FeatureKind.KMC, FeatureKind.KM,
            FeatureKind.KIMD, FeatureKind.KLMD, FeatureKind.PCKMO, FeatureKind.KMCTR, FeatureKind.KMF, FeatureKind.KMO,
            FeatureKind.PCC, FeatureKind.PPNO, FeatureKind.KMA, FeatureKind.KDSA, FeatureKind.SORTL,
            FeatureKind.DFLTCC, FeatureKind.PFCR};
        for (FeatureKind k : order) {
            int length = k == FeatureKind.PLO || k == FeatureKind.SORTL || k == FeatureKind.DFLTCC ? 32 : 16;
            LAYOUT.put(k, new Block(offset, length));
            offset += length;
        }
    }

    private SubfunctionBlocks() {
    }

    public static boolean isSubfunctionKind(FeatureKind kind) {
        return LAYOUT.containsKey(kind);
    }

    public static byte[] encode(Catalog catalog, FeatureSet features) {
        byte[] out = new byte[KvmS390.SUBFUNC_SIZE];
        features.forEach(i -> catalog.feature(i).ifPresent(f -> {
            Block b = LAYOUT.get(f.kind());
            if (b != null) {
                out[b.offset + f.bit() / 8] |= (byte) (0x80 >> (f.bit() % 8));
            }
        }));
        return out;
    }

    /** The subfunction features whose bits are set; bits the catalog does not name are left out. */
    public static FeatureSet decode(Catalog catalog, byte[] bytes) {
        if (bytes.length != KvmS390.SUBFUNC_SIZE) {
            throw new IllegalArgumentException("subfunction attribute has " + bytes.length + " bytes, want "
                    + KvmS390.SUBFUNC_SIZE);
        }
        Map<FeatureKind, FacilityList> blocks = new EnumMap<>(FeatureKind.class);
        LAYOUT.forEach((k, b) -> blocks.put(k, FacilityList.fromBytes(Arrays.copyOfRange(bytes, b.offset,
                b.offset + b.length))));
        FeatureSet.Builder set = FeatureSet.builder();
        for (Feature f : catalog.features()) {
            FacilityList block = blocks.get(f.kind());
            if (block != null && block.contains(f.bit())) {
                set.add(f.index());
            }
        }
        return set.build();
    }
}
