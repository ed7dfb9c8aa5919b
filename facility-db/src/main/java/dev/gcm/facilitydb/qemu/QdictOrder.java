package dev.gcm.facilitydb.qemu;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which QEMU applies the properties of a CpuModelInfo. QEMU keeps them in a QDict, a hash
 * table of 512 buckets walked from the first bucket to the last, each bucket newest entry first. The
 * order matters when a property and a group containing it are both switched, e.g.
 * {@code {"msa5": false, "msa5-base": true}}.
 */
final class QdictOrder {

    private static final int BUCKETS = 512;

    private QdictOrder() {
    }

    /** The keys as QEMU iterates them; {@code keys} are in insertion (JSON) order. */
    static List<String> iterationOrder(List<String> keys) {
        List<String> newestFirst = new ArrayList<>(keys);
        java.util.Collections.reverse(newestFirst);
        List<String> sorted = new ArrayList<>(newestFirst);
        // A stable sort by bucket keeps newest-first within each bucket.
        sorted.sort(Comparator.comparingInt(QdictOrder::bucket));
        return sorted;
    }

    static int bucket(String key) {
        return Integer.remainderUnsigned(hash(key), BUCKETS);
    }

    /** The gdbm/tdb string hash that QEMU's QDict uses, in 32-bit unsigned arithmetic. */
    static int hash(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int value = 0x238F13AF * bytes.length;
        for (int i = 0; i < bytes.length; i++) {
            value += (bytes[i] & 0xff) << (i * 5 % 24);
        }
        return 1103515243 * value + 12345;
    }
}
