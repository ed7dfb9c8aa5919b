package dev.gcm.planner;

import dev.gcm.planner.grid.HzGrid;
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
    private volatile boolean ready;

    Readiness(HzGrid grid, ReconcileTask reconcile) {
        this.grid = grid;
        this.reconcile = reconcile;
        thread.scheduleWithFixedDelay(this::update, 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    boolean ready() {
        return ready && grid.trusted();
    }

    private void update() {
        try {
            ready = grid.trusted() && reconcile.done() && grid.holdsItsData();
        } catch (RuntimeException e) {
            ready = false;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
