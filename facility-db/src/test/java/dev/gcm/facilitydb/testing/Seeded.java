package dev.gcm.facilitydb.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Seeded randomized tests in plain JUnit 5: a property runs for a number of tries, each with a
 * {@link Random} of its own seed; a failing try names its seed, and {@code -Dgcm.seed=SEED} makes that
 * seed the first try of the next run, so the failure comes back at once. {@code -Dgcm.tries=N} changes
 * the number of tries of every property (for a longer search, or 1 to replay a single seed).
 *
 * <pre>{@code
 * @Test
 * void unionIsCommutative() {
 *     Seeded.forAll(300, random -> {
 *         List<Integer> a = Seeded.ints(random, 0, 60, 0, 500);
 *         List<Integer> b = Seeded.ints(random, 0, 60, 0, 500);
 *         assertThat(FeatureSet.of(a).or(FeatureSet.of(b))).isEqualTo(FeatureSet.of(b).or(FeatureSet.of(a)));
 *     });
 * }
 * }</pre>
 *
 * Without {@code gcm.seed} the first seed is new on every run (printed only when a try fails), so CI
 * keeps exploring; the generators below lean towards edges (empty lists, bounds) the way a property
 * test library would.
 */
public final class Seeded {

    /** The system property that names the seed of the first try. */
    public static final String SEED_PROPERTY = "gcm.seed";
    /** The system property that overrides the number of tries. */
    public static final String TRIES_PROPERTY = "gcm.tries";

    private Seeded() {
    }

    /** Runs {@code property} for {@code tries} seeds (see the class comment); a failure names its seed. */
    public static void forAll(int tries, Consumer<Random> property) {
        long first = firstSeed();
        int n = Integer.getInteger(TRIES_PROPERTY, tries);
        for (int i = 0; i < n; i++) {
            long seed = i == 0 ? first : mix(first + i);
            try {
                property.accept(new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                AssertionError failed = new AssertionError("try " + (i + 1) + " of " + n + " failed with seed " + seed
                        + " (replay: -D" + SEED_PROPERTY + "=" + seed + "): " + e.getMessage(), e);
                System.err.println(failed.getMessage());
                throw failed;
            }
        }
    }

    /** The seed of the first try: {@code -Dgcm.seed}, else a new one. */
    public static long firstSeed() {
        String given = System.getProperty(SEED_PROPERTY);
        return given == null || given.isBlank() ? mix(System.nanoTime()) : Long.parseLong(given.trim());
    }

    /** A list of {@code minSize..maxSize} ints in {@code [min, max]}; empty and bound values come often. */
    public static List<Integer> ints(Random random, int minSize, int maxSize, int min, int max) {
        return listOf(random, minSize, maxSize, r -> edgy(r, min, max));
    }

    /** An int in {@code [min, max]}, one time in eight a bound. */
    public static int edgy(Random random, int min, int max) {
        return switch (random.nextInt(16)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + random.nextInt(max - min + 1);
        };
    }

    /** A list of {@code minSize..maxSize} elements; the smallest size comes one time in eight. */
    public static <T> List<T> listOf(Random random, int minSize, int maxSize, Function<Random, T> element) {
        int size = random.nextInt(8) == 0 ? minSize : minSize + random.nextInt(maxSize - minSize + 1);
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(element.apply(random));
        }
        return out;
    }

    /** One of the items. */
    public static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** SplitMix64's finaliser: neighbouring inputs give unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
