package dev.gcm.planner.grid;

import com.hazelcast.ringbuffer.OverflowPolicy;
import com.hazelcast.ringbuffer.ReadResultSet;
import com.hazelcast.ringbuffer.Ringbuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The decision log in the grid: a bounded ring (the oldest entries give way), with backups. Writes and
 * reads have the grid's deadline; {@link dev.gcm.planner.state.DecisionRecorder} batches the writes.
 */
public final class HzDecisionLog {

    private final Ringbuffer<String> ring;

    public HzDecisionLog(HzGrid grid) {
        this.ring = grid.instance().getRingbuffer(HzGrid.DECISIONS);
    }

    /** Appends a batch; completes when the grid (and the ring's backups) have it. */
    public CompletableFuture<Long> append(List<String> decisions) {
        return GridCalls.read(() -> ring.addAllAsync(decisions, OverflowPolicy.OVERWRITE));
    }

    /** The newest entries, oldest first, at most {@code limit} (up to 1,000); blocking. */
    public List<String> latest(int limit) {
        try {
            long tail = ring.tailSequence();
            long head = Math.max(ring.headSequence(), tail - Math.min(limit, 1000) + 1);
            if (tail < head) {
                return List.of();
            }
            return items(GridCalls.await(ring.readManyAsync(head, 0, (int) (tail - head + 1), null)));
        } catch (RuntimeException e) {
            throw GridCalls.map(e);
        }
    }

    private static List<String> items(ReadResultSet<String> r) {
        List<String> out = new ArrayList<>();
        if (r != null) {
            r.forEach(out::add);
        }
        return out;
    }
}
