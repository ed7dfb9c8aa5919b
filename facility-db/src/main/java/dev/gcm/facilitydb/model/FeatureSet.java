package dev.gcm.facilitydb.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * An immutable set of features, as catalog indices, over a RoaringBitmap. The bitmap never escapes:
 * every operation returns a new set.
 */
public final class FeatureSet {

    private static final FeatureSet EMPTY = new FeatureSet(new RoaringBitmap());

    /** Sets whose members are all below this limit (every catalog index is) carry an inline copy. */
    static final int INLINE_LIMIT = 7 * 64;

    private final RoaringBitmap bits;
    private final int hash;
    // An exact copy of the members in the object itself, so that comparing two sets (as de-duplicating
    // a fleet of 100,000 hosts does) reads no further memory; the bitmap lives four references deeper.
    private final boolean inline;
    private final long w0;
    private final long w1;
    private final long w2;
    private final long w3;
    private final long w4;
    private final long w5;
    private final long w6;

    private FeatureSet(RoaringBitmap bits) {
        this.bits = bits;
        this.hash = mixedHash(bits);
        long[] w = new long[7];
        this.inline = bits.isEmpty() || bits.last() < INLINE_LIMIT;
        if (inline) {
            bits.forEach((int i) -> w[i >>> 6] |= 1L << (i & 63));
        }
        w0 = w[0];
        w1 = w[1];
        w2 = w[2];
        w3 = w[3];
        w4 = w[4];
        w5 = w[5];
        w6 = w[6];
    }

    private boolean sameInline(FeatureSet o) {
        return w0 == o.w0 && w1 == o.w1 && w2 == o.w2 && w3 == o.w3 && w4 == o.w4 && w5 == o.w5 && w6 == o.w6;
    }

    /**
     * A well-spread hash of the members. RoaringBitmap's own hash collides heavily for sets that differ
     * in a few features, which turns de-duplicating a fleet's sets into quadratic work.
     */
    private static int mixedHash(RoaringBitmap bits) {
        int h = 0x9E3779B9;
        PeekableIntIterator it = bits.getIntIterator();
        while (it.hasNext()) {
            h = (h ^ it.next()) * 0x01000193;
            h ^= h >>> 15;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }

    public static FeatureSet empty() {
        return EMPTY;
    }

    public static FeatureSet of(int... indices) {
        return new FeatureSet(RoaringBitmap.bitmapOf(indices));
    }

    public static FeatureSet of(Collection<Integer> indices) {
        RoaringBitmap b = new RoaringBitmap();
        indices.forEach(b::add);
        return new FeatureSet(b);
    }

    /** The features every one of the given sets has; the empty set for no sets. */
    public static FeatureSet intersectionOf(Collection<FeatureSet> sets) {
        if (sets.isEmpty()) {
            return EMPTY;
        }
        if (sets.size() == 1) {
            return sets.iterator().next();
        }
        Iterator<RoaringBitmap> it = sets.stream().map(s -> s.bits).iterator();
        return new FeatureSet(FastAggregation.and(it));
    }

    /** The features at least one of the given sets has. */
    public static FeatureSet unionOf(Collection<FeatureSet> sets) {
        Iterator<RoaringBitmap> it = sets.stream().map(s -> s.bits).iterator();
        return new FeatureSet(FastAggregation.or(it));
    }

    public FeatureSet and(FeatureSet other) {
        return new FeatureSet(RoaringBitmap.and(bits, other.bits));
    }

    public FeatureSet or(FeatureSet other) {
        return new FeatureSet(RoaringBitmap.or(bits, other.bits));
    }

    /** This set without the other's features. */
    public FeatureSet andNot(FeatureSet other) {
        return new FeatureSet(RoaringBitmap.andNot(bits, other.bits));
    }

    public FeatureSet with(int index) {
        RoaringBitmap b = bits.clone();
        b.add(index);
        return new FeatureSet(b);
    }

    public FeatureSet without(int index) {
        RoaringBitmap b = bits.clone();
        b.remove(index);
        return new FeatureSet(b);
    }

    public boolean contains(int index) {
        return bits.contains(index);
    }

    /** True when every feature of the other set is in this one. */
    public boolean containsAll(FeatureSet other) {
        return bits.contains(other.bits);
    }

    public boolean intersects(FeatureSet other) {
        return RoaringBitmap.intersects(bits, other.bits);
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    public int size() {
        return bits.getCardinality();
    }

    /** Indices in ascending order. */
    public IntStream stream() {
        return bits.stream();
    }

    public void forEach(IntConsumer action) {
        bits.forEach((org.roaringbitmap.IntConsumer) action::accept);
    }

    /**
     * Calls {@code action} with every member of this set that {@code other} lacks, in ascending order,
     * building no set (an index update counts only the features two models differ in).
     */
    public void forEachNotIn(FeatureSet other, IntConsumer action) {
        if (inline && other.inline) {
            each(w0 & ~other.w0, 0, action);
            each(w1 & ~other.w1, 64, action);
            each(w2 & ~other.w2, 128, action);
            each(w3 & ~other.w3, 192, action);
            each(w4 & ~other.w4, 256, action);
            each(w5 & ~other.w5, 320, action);
            each(w6 & ~other.w6, 384, action);
        } else {
            RoaringBitmap.andNot(bits, other.bits).forEach((org.roaringbitmap.IntConsumer) action::accept);
        }
    }

    private static void each(long word, int base, IntConsumer action) {
        for (long w = word; w != 0; w &= w - 1) {
            action.accept(base + Long.numberOfTrailingZeros(w));
        }
    }

    public int[] toArray() {
        return bits.toArray();
    }

    public List<Integer> toList() {
        List<Integer> out = new ArrayList<>(size());
        forEach(out::add);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof FeatureSet other) || hash != other.hash) {
            return false;
        }
        return inline && other.inline ? sameInline(other) : bits.equals(other.bits);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return bits.toString();
    }

    /** A mutable accumulator for building one set; {@link #build()} freezes a copy. */
    public static final class Builder {
        private final RoaringBitmap bits = new RoaringBitmap();

        public Builder add(int index) {
            bits.add(index);
            return this;
        }

        public Builder addAll(FeatureSet set) {
            bits.or(set.bits);
            return this;
        }

        public Builder remove(int index) {
            bits.remove(index);
            return this;
        }

        public Builder removeAll(FeatureSet set) {
            bits.andNot(set.bits);
            return this;
        }

        public FeatureSet build() {
            return new FeatureSet(bits.clone());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().addAll(this);
    }
}
