package dev.gcm.planner.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.testing.Seeded;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The persistent map agrees with a HashMap through random histories, and old versions stay as they were. */
class PersistentMapTest {

    /** A key whose hash is chosen, so that collisions and deep tries happen. */
    private record Key(int hash, int id) {
        @Override
        public int hashCode() {
            return hash;
        }
    }

    @Test
    void agreesWithAHashMapAndKeepsOldVersions() {
        Seeded.forAll(200, random -> {
            PersistentMap<Key, Integer> map = PersistentMap.empty();
            Map<Key, Integer> truth = new HashMap<>();
            int hashes = 1 + random.nextInt(random.nextBoolean() ? 8 : 5000);
            for (int step = 0; step < 400; step++) {
                Key k = new Key(random.nextInt(hashes) * (random.nextBoolean() ? 1 : 0x10001), random.nextInt(3));
                PersistentMap<Key, Integer> before = map;
                Map<Key, Integer> beforeTruth = new HashMap<>(truth);
                if (random.nextInt(3) == 0) {
                    map = map.remove(k);
                    truth.remove(k);
                } else {
                    map = map.put(k, step);
                    truth.put(k, step);
                }
                assertThat(map.size()).isEqualTo(truth.size());
                assertThat(map.get(k)).isEqualTo(truth.get(k));
                assertThat(before.size()).isEqualTo(beforeTruth.size());
                assertThat(before.get(k)).isEqualTo(beforeTruth.get(k));
            }
            Map<Key, Integer> all = new HashMap<>();
            map.forEach(all::put);
            assertThat(all).isEqualTo(truth);
            for (Key k : truth.keySet()) {
                map = map.remove(k);
            }
            assertThat(map.isEmpty()).isTrue();
        });
    }
}
