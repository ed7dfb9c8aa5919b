package dev.gcm.planner.model;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Revisions for grid entries: hybrid logical clocks. A new revision is above the entry's previous one
 * and above every revision this JVM issued before, and follows the wall clock in microseconds when that
 * is ahead. So an entry's revision only grows, and an entry created after another was removed (a host
 * recommissioned, expired, or lost with a partition) normally sorts after everything the removed one
 * had, whichever member's clock stamped it; where clocks are too far apart for that, reconcile repairs
 * the index (see planner/DESIGN.md).
 */
public final class Revisions {

    private static final AtomicLong LAST = new AtomicLong();

    private Revisions() {
    }

    /** A revision above {@code previous} (0 for a new entry). */
    public static long next(long previous) {
        long now = System.currentTimeMillis() * 1000;
        return LAST.updateAndGet(last -> Math.max(Math.max(last + 1, now), previous + 1));
    }
}
