package dev.gcm.planner.grid;

import com.hazelcast.ringbuffer.OverflowPolicy;
import com.hazelcast.ringbuffer.Ringbuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The decision log: a bounded ring in the grid; the oldest entries give way. Appends are queued and
 * written in batches every 100 ms (and before every read), so a decision costs no grid round trip.
 */
public final class HzDecisionLog implements AutoCloseable {

    private static final int BATCH = 1000;

    private final Ringbuffer<String> ring;
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gcm-decision-log");
        t.setDaemon(true);
        return t;
    });

    public HzDecisionLog(HzGrid grid) {
        this.ring = grid.instance().getRingbuffer(HzGrid.DECISIONS);
        flusher.scheduleWithFixedDelay(this::flushQuietly, 100, 100, TimeUnit.MILLISECONDS);
    }

    public void append(String decisionJson) {
        pending.add(decisionJson);
    }

    /** Writes what is queued; blocks until the grid has it. */
    public synchronized void flush() {
        List<String> batch = new ArrayList<>();
        String item;
        while ((item = pending.poll()) != null) {
            batch.add(item);
            if (batch.size() == BATCH) {
                write(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    private void write(List<String> batch) {
        try {
            ring.addAllAsync(batch, OverflowPolicy.OVERWRITE).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("decision log write failed: " + e.getMessage(), e);
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // kept in memory no longer; the next batch tries again with what comes
        }
    }

    /** The newest entries, newest last, at most {@code limit}. */
    public List<String> latest(int limit) {
        flush();
        long tail = ring.tailSequence();
        long head = Math.max(ring.headSequence(), tail - limit + 1);
        List<String> out = new ArrayList<>();
        for (long s = head; s <= tail; s++) {
            try {
                out.add(ring.readOne(s));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException overwritten) {
                // overwritten while reading: skip it
            }
        }
        return out;
    }

    @Override
    public void close() {
        flusher.shutdown();
        flushQuietly();
    }
}
