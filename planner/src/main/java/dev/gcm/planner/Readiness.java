package dev.gcm.planner;

import dev.gcm.planner.grid.HzGrid;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether this member is ready to serve, worked out every {@value #EVERY_MILLIS} ms off the event loop:
 * it sees a majority and no member it cannot verify, holds every partition's data (no migration or
 * backup sync pending), has built its index from the grid and merged its journal into it.
 */
final class Readiness implements AutoCloseable {

    static final long EVERY_MILLIS = 500;

    private final HzGrid grid;
    private final ReconcileTask reconcile;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gcm-readiness");
        t.setDaemon(true);
        return t;
    });
    /** What the last round found missing; empty when ready. */
    private volatile Optional<String> waitingFor = Optional.of("the first readiness check");

    Readiness(HzGrid grid, ReconcileTask reconcile) {
        this.grid = grid;
        this.reconcile = reconcile;
        thread.scheduleWithFixedDelay(this::update, 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** What this member waits for before it is ready (the grid's trust is read now); empty when ready. */
    Optional<String> waitingFor() {
        Optional<String> now = untrusted();
        return now.isPresent() ? now : waitingFor;
    }

    private Optional<String> untrusted() {
        if (!grid.hasQuorum()) {
            return Optional.of("a majority of the cluster");
        }
        int unverified = grid.unverifiedMembers();
        return unverified == 0 ? Optional.empty()
                : Optional.of(unverified + " member(s) that cannot prove the cluster secret to leave");
    }

    private void update() {
        try {
            Optional<String> untrusted = untrusted();
            waitingFor = untrusted.isPresent() ? untrusted
                    : !reconcile.done() ? Optional.of("the index's first build from the grid and the journal's merge")
                    : !grid.holdsItsData() ? Optional.of("partition owners and backups to settle")
                    : Optional.empty();
        } catch (RuntimeException e) {
            waitingFor = Optional.of("the grid (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
