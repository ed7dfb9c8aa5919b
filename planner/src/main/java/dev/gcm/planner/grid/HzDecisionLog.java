package dev.gcm.planner.grid;

import com.hazelcast.ringbuffer.OverflowPolicy;
import com.hazelcast.ringbuffer.Ringbuffer;
import java.util.ArrayList;
import java.util.List;

/** The decision log: a bounded ring in the grid; the oldest entries give way. */
public final class HzDecisionLog {

    private final Ringbuffer<String> ring;

    public HzDecisionLog(HzGrid grid) {
        this.ring = grid.instance().getRingbuffer(HzGrid.DECISIONS);
    }

    public void append(String decisionJson) {
        ring.addAsync(decisionJson, OverflowPolicy.OVERWRITE);
    }

    /** The newest entries, newest last, at most {@code limit}. */
    public List<String> latest(int limit) {
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
}
