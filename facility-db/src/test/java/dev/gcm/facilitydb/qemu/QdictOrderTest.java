package dev.gcm.facilitydb.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QdictOrderTest {

    @Test
    void appliesAGroupBeforeItsMemberWhenQemuDoes() {
        // QEMU 7.2 answers {"msa5": false, "msa5-base": true} with msa5-base switched on:
        // its QDict walks the bucket of msa5 before that of msa5-base.
        assertThat(QdictOrder.iterationOrder(List.of("msa5", "msa5-base"))).containsExactly("msa5", "msa5-base");
        assertThat(QdictOrder.iterationOrder(List.of("msa5-base", "msa5"))).containsExactly("msa5", "msa5-base");
    }

    @Test
    void walksBucketsInAscendingOrderAndNewestFirstWithinOne() {
        List<String> keys = List.of("vx", "te", "msa", "gs", "zarch", "esan3");
        List<String> order = QdictOrder.iterationOrder(keys);
        assertThat(order).containsExactlyInAnyOrderElementsOf(keys);
        for (int i = 1; i < order.size(); i++) {
            assertThat(QdictOrder.bucket(order.get(i - 1))).isLessThanOrEqualTo(QdictOrder.bucket(order.get(i)));
        }
    }

    @Test
    void hashesWithUnsigned32BitArithmetic() {
        // tdb_hash("") = 1103515243 * 0 + 12345
        assertThat(QdictOrder.hash("")).isEqualTo(12345);
        assertThat(QdictOrder.bucket("a")).isBetween(0, 511);
    }
}
