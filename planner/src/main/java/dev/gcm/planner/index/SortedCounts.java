package dev.gcm.planner.index;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An immutable multiset of a few distinct, ordered values (the definitions of a pool's hosts, their IBC
 * bounds): add and remove return a new one, in O(distinct values), which stay in the dozens.
 */
final class SortedCounts<K extends Comparable<K>> {

    private static final SortedCounts<?> EMPTY = new SortedCounts<>(new Comparable<?>[0], new int[0]);

    private final Comparable<?>[] keys;
    private final int[] counts;

    private SortedCounts(Comparable<?>[] keys, int[] counts) {
        this.keys = keys;
        this.counts = counts;
    }

    @SuppressWarnings("unchecked")
    static <K extends Comparable<K>> SortedCounts<K> empty() {
        return (SortedCounts<K>) EMPTY;
    }

    SortedCounts<K> add(K key) {
        int i = find(key);
        if (i >= 0) {
            int[] c = counts.clone();
            c[i]++;
            return new SortedCounts<>(keys, c);
        }
        int at = -i - 1;
        Comparable<?>[] k = new Comparable<?>[keys.length + 1];
        int[] c = new int[counts.length + 1];
        System.arraycopy(keys, 0, k, 0, at);
        System.arraycopy(counts, 0, c, 0, at);
        k[at] = key;
        c[at] = 1;
        System.arraycopy(keys, at, k, at + 1, keys.length - at);
        System.arraycopy(counts, at, c, at + 1, counts.length - at);
        return new SortedCounts<>(k, c);
    }

    /** One fewer of {@code key}; unchanged if there is none. */
    SortedCounts<K> remove(K key) {
        int i = find(key);
        if (i < 0) {
            return this;
        }
        if (counts[i] > 1) {
            int[] c = counts.clone();
            c[i]--;
            return new SortedCounts<>(keys, c);
        }
        Comparable<?>[] k = new Comparable<?>[keys.length - 1];
        int[] c = new int[counts.length - 1];
        System.arraycopy(keys, 0, k, 0, i);
        System.arraycopy(counts, 0, c, 0, i);
        System.arraycopy(keys, i + 1, k, i, k.length - i);
        System.arraycopy(counts, i + 1, c, i, c.length - i);
        return new SortedCounts<>(k, c);
    }

    @SuppressWarnings("unchecked")
    Optional<K> first() {
        return keys.length == 0 ? Optional.empty() : Optional.of((K) keys[0]);
    }

    @SuppressWarnings("unchecked")
    Optional<K> last() {
        return keys.length == 0 ? Optional.empty() : Optional.of((K) keys[keys.length - 1]);
    }

    /** Each distinct value once, in order. */
    @SuppressWarnings("unchecked")
    void forEachDistinct(Consumer<K> action) {
        for (Comparable<?> k : keys) {
            action.accept((K) k);
        }
    }

    @SuppressWarnings("unchecked")
    private int find(K key) {
        return Arrays.binarySearch((Object[]) keys, key, (a, b) -> ((K) a).compareTo((K) b));
    }
}
