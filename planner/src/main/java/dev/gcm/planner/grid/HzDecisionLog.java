package dev.gcm.planner.grid;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.ringbuffer.OverflowPolicy;
import com.hazelcast.ringbuffer.ReadResultSet;
import com.hazelcast.ringbuffer.Ringbuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The decision log as the cluster sees it: each member's own decisions (its audit file, asked of every
 * member at read time) and a bounded ring in the grid (the oldest entries give way, with backups) for the
 * decisions no audit file took. Writes and reads have the grid's deadline;
 * {@link dev.gcm.planner.state.DecisionRecorder} batches the ring's writes.
 */
public final class HzDecisionLog {

    /** The most entries a read asks of each member and of the ring. */
    public static final int MAX_LATEST = 1000;

    private final HazelcastInstance hz;
    private final Ringbuffer<String> ring;

    /** @param own this member's own decisions (its audit file), answered when another member asks; none without */
    public HzDecisionLog(HzGrid grid, Optional<DecisionSource> own) {
        this.hz = grid.instance();
        this.ring = hz.getRingbuffer(HzGrid.DECISIONS);
        own.ifPresent(s -> hz.getUserContext().put(DecisionTailTask.SOURCE, s));
    }

    /** Appends a batch; completes when the grid (and the ring's backups) have it. */
    public CompletableFuture<Long> append(List<String> decisions) {
        return GridCalls.read(() -> ring.addAllAsync(decisions, OverflowPolicy.OVERWRITE));
    }

    /** The ring's newest entries, oldest first, at most {@code limit} (up to {@value #MAX_LATEST}); blocking. */
    public List<String> latest(int limit) {
        try {
            long tail = ring.tailSequence();
            long head = Math.max(ring.headSequence(), tail - Math.min(limit, MAX_LATEST) + 1);
            if (tail < head) {
                return List.of();
            }
            return items(GridCalls.await(ring.readManyAsync(head, 0, (int) (tail - head + 1), null)));
        } catch (RuntimeException e) {
            throw GridCalls.map(e);
        }
    }

    /**
     * What every member decided, as far as it can be asked now: each member's newest {@code limit} entries
     * and the ring's (unordered, up to members + 1 times {@code limit}), and the members that did not answer
     * within the grid's deadline. Blocking; fails as a grid read does (no majority: the ring is read first).
     */
    public Gathered everywhere(int limit) {
        List<String> entries = new ArrayList<>(latest(limit));
        List<String> unanswered = new ArrayList<>();
        Map<Member, Future<List<String>>> asked;
        try {
            asked = hz.getExecutorService(HzGrid.DECISION_TAILS).submitToAllMembers(new DecisionTailTask(limit));
        } catch (RuntimeException e) {
            throw GridCalls.map(e);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GridCalls.TIMEOUT_MILLIS);
        for (Map.Entry<Member, Future<List<String>>> a : asked.entrySet()) {
            try {
                entries.addAll(a.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                // not cancelled: a read that ends by itself, and Hazelcast's cancel waits for the member it asks
                unanswered.add(a.getKey().getAddress().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unanswered.add(a.getKey().getAddress().toString());
            }
        }
        return new Gathered(entries, unanswered);
    }

    /** Entries gathered from the members and the ring, unordered; the members that did not answer. */
    public record Gathered(List<String> entries, List<String> unanswered) {
    }

    private static List<String> items(ReadResultSet<String> r) {
        List<String> out = new ArrayList<>();
        if (r != null) {
            r.forEach(out::add);
        }
        return out;
    }
}
