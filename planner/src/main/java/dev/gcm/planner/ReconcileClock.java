package dev.gcm.planner;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When this member runs its reconcile rounds: about every GCM_RECONCILE_EVERY, each wait drawn anew
 * between 75% and 125% of it, so that members started together do not keep reading the whole grid at
 * the same moment (each round reads every member's share of the records, so rounds in step load every
 * member at once, and a client waits on whichever member is busy).
 */
final class ReconcileClock {

    private static final double LEAST = 0.75;
    private static final double SPREAD = 0.5;

    private final Vertx vertx;
    private final long everyMillis;
    private final Runnable round;
    private volatile boolean stopped;
    private volatile long timer = -1;

    ReconcileClock(Vertx vertx, Duration every, Runnable round) {
        this.vertx = vertx;
        this.everyMillis = Math.max(1, every.toMillis());
        this.round = round;
    }

    void start() {
        arm();
    }

    void stop() {
        stopped = true;
        vertx.cancelTimer(timer);
    }

    /** The next wait: uniform in [75%, 125%) of the period, at least a millisecond. */
    static long nextDelay(long everyMillis, double uniform) {
        return Math.max(1, (long) (everyMillis * (LEAST + SPREAD * uniform)));
    }

    private void arm() {
        if (stopped) {
            return;
        }
        timer = vertx.setTimer(nextDelay(everyMillis, ThreadLocalRandom.current().nextDouble()), id -> {
            round.run();
            arm();
        });
        if (stopped) {
            vertx.cancelTimer(timer);
        }
    }
}
