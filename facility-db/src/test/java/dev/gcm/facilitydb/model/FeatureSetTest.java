package dev.gcm.facilitydb.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.testing.Seeded;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureSetTest {

    @Test
    void operationsReturnNewSetsAndLeaveOperandsAlone() {
        FeatureSet a = FeatureSet.of(1, 2, 3);
        FeatureSet b = FeatureSet.of(2, 3, 4);
        assertThat(a.and(b)).isEqualTo(FeatureSet.of(2, 3));
        assertThat(a.or(b)).isEqualTo(FeatureSet.of(1, 2, 3, 4));
        assertThat(a.andNot(b)).isEqualTo(FeatureSet.of(1));
        assertThat(a).isEqualTo(FeatureSet.of(1, 2, 3));
        assertThat(a.with(9).contains(9)).isTrue();
        assertThat(a.contains(9)).isFalse();
        assertThat(FeatureSet.intersectionOf(List.of(a, b, FeatureSet.of(3, 4)))).isEqualTo(FeatureSet.of(3));
        assertThat(FeatureSet.unionOf(List.of(a, b))).isEqualTo(FeatureSet.of(1, 2, 3, 4));
        assertThat(FeatureSet.intersectionOf(List.of())).isEqualTo(FeatureSet.empty());
    }

    @Test
    void equalityHoldsBeyondTheInlineLimit() {
        int far = FeatureSet.INLINE_LIMIT + 5;
        assertThat(FeatureSet.of(1, far)).isEqualTo(FeatureSet.of(1, far)).isNotEqualTo(FeatureSet.of(1, far + 1));
        assertThat(FeatureSet.of(1, far)).isNotEqualTo(FeatureSet.of(1));
        assertThat(FeatureSet.of(1, far).hashCode()).isEqualTo(FeatureSet.of(far, 1).hashCode());
    }

    @Test
    void hashesSpreadSetsThatDifferInAFewMembers() {
        Random random = new Random(7);
        int[] base = new Random(1).ints(250, 0, 394).toArray();
        Set<Integer> hashes = new HashSet<>();
        Set<FeatureSet> sets = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            FeatureSet.Builder b = FeatureSet.builder();
            for (int f : base) {
                b.add(f);
            }
            for (int k = 0; k < 4; k++) {
                b.remove(base[random.nextInt(base.length)]);
            }
            FeatureSet s = b.build();
            sets.add(s);
            hashes.add(s.hashCode());
        }
        assertThat(hashes.size()).isGreaterThan(sets.size() * 99 / 100);
    }

    @Test
    void equalSetsAreEqualWhateverTheirHistory() {
        Seeded.forAll(1000, random -> {
            List<Integer> members = Seeded.ints(random, 0, 60, 0, 500);
            FeatureSet direct = FeatureSet.of(members);
            FeatureSet.Builder b = FeatureSet.builder().add(499);
            members.forEach(b::add);
            if (!members.contains(499)) {
                b.remove(499);
            }
            FeatureSet built = b.build();
            assertThat(built).isEqualTo(direct);
            assertThat(built.hashCode()).isEqualTo(direct.hashCode());
            assertThat(built.toList()).containsExactlyElementsOf(members.stream().distinct().sorted().toList());
        });
    }
}
