package dev.gcm.agent;

import java.time.Duration;
import java.util.Random;

/**
 * When to try again after failures, across the agent's ticks: the wait doubles with every failure in a
 * row, from {@code initial} up to {@code max}, and each wait is drawn at random from its upper half
 * (so a fleet that lost its planner at one moment does not come back at one moment). A success starts
 * over. Not thread-safe: the agent's loop owns it.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final Random random;
    private long delayMillis;
    private long nextAttemptMillis;
    private int failures;

    /** @param random seeded in tests, so a wait sequence can be replayed */
    Backoff(Duration initial, Duration max, Random random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** Whether an attempt may be made at {@code nowMillis}. */
    boolean ready(long nowMillis) {
        return failures == 0 || nowMillis >= nextAttemptMillis;
    }

    /** One more failure at {@code nowMillis}: the next attempt waits longer, up to the cap. Returns the wait. */
    Duration failed(long nowMillis) {
        delayMillis = failures == 0 ? initialMillis : Math.min(maxMillis, delayMillis * 2);
        failures++;
        long wait = delayMillis - random.nextLong(delayMillis / 2 + 1);
        nextAttemptMillis = nowMillis + wait;
        return Duration.ofMillis(wait);
    }

    /** No attempt before the cap has passed (an answer that will not change by itself). Returns the wait. */
    Duration waitForCap(long nowMillis) {
        failures = Math.max(failures, 1);
        delayMillis = maxMillis;
        nextAttemptMillis = nowMillis + maxMillis;
        return Duration.ofMillis(maxMillis);
    }

    /** A success: the next failure waits {@code initial} again. */
    void succeeded() {
        failures = 0;
        delayMillis = 0;
    }

    /** Failures in a row since the last success. */
    int failures() {
        return failures;
    }

    long nextAttemptMillis() {
        return nextAttemptMillis;
    }
}
