package dev.gcm.facilitydb.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * An immutable set of features, as catalog indices, over a RoaringBitmap. The bitmap never escapes:
 * every operation returns a new set.
 */
public final class FeatureSet {

    private static final FeatureSet EMPTY = new FeatureSet(new RoaringBitmap());

    private final RoaringBitmap bits;
    private final int hash;

    private FeatureSet(RoaringBitmap bits) {
        bits.runOptimize();
        this.bits = bits;
        this.hash = bits.hashCode();
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
        return o instanceof FeatureSet other && hash == other.hash && bits.equals(other.bits);
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
