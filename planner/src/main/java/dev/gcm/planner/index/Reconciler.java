package dev.gcm.planner.index;

import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.planner.index.IndexWriter.HostSlot;
import dev.gcm.planner.index.IndexWriter.PoolSlot;
import dev.gcm.planner.model.HostAdmin;
import dev.gcm.planner.model.HostReport;
import dev.gcm.planner.model.Pool;
import dev.gcm.planner.model.PoolEntry;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the index match the grid (listeners can miss events on fail-over): the grid was read on another
 * thread after the writer's mark; here, on the writer's thread, every host and pool the listeners have
 * not touched since that mark is set to what the grid held, whatever the revisions say (the grid is the
 * truth, even if it went back, after a lost partition). What the listeners touched since is newer than
 * the read and is left alone: a cordon that arrives between the read and this step stays.
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    /**
     * The grid as read after a mark: every report's metadata, the contents read ahead for hosts whose
     * content the index lacked, every admin entry and every pool.
     */
    public record Truth(long mark, Map<String, HostReport> reports, Map<String, HostContent> contents,
                        Map<String, HostAdmin> admin, Map<String, PoolEntry> pools) {
    }

    private final IndexWriter writer;
    private long previousMark;

    public Reconciler(FleetIndex index) {
        this.writer = index.writer();
    }

    /** Applies the truth; answers how many hosts and pools had to be fixed. On the writer's thread. */
    public int apply(Truth truth) {
        int fixed = pools(truth);
        Set<String> ids = new HashSet<>(writer.slots.keySet());
        ids.addAll(truth.reports().keySet());
        ids.addAll(truth.admin().keySet());
        for (String id : ids) {
            HostSlot slot = writer.slots.get(id);
            if (slot != null && slot.touched > truth.mark()) {
                continue;
            }
            if (slot == null) {
                slot = new HostSlot();
                writer.slots.put(id, slot);
            }
            boolean changed = report(id, slot, truth.reports().get(id), truth.contents().get(id));
            HostAdmin a = truth.admin().get(id);
            if (!java.util.Objects.equals(a, slot.admin)) {
                slot.admin = a;
                changed = true;
            }
            if (changed) {
                slot.touched = writer.touch();
                writer.change(id, slot);
                fixed++;
            }
        }
        prune(truth.mark());
        return fixed;
    }

    private boolean report(String id, HostSlot slot, HostReport r, HostContent content) {
        if (r == null) {
            if (slot.content == null && slot.reportRevision == 0) {
                return false;
            }
            slot.reportFloor = Math.max(slot.reportFloor, slot.reportRevision);
            slot.reportRevision = 0;
            slot.content = null;
            slot.heard.set(null);
            return true;
        }
        if (slot.reportRevision == r.revision() && slot.content != null) {
            return false;
        }
        slot.reportRevision = r.revision();
        slot.reportFloor = 0;
        slot.alive(r);
        if (slot.content != null && slot.content.contentRevision() == r.contentRevision()) {
            return false;
        }
        if (content == null || content.contentRevision() != r.contentRevision()) {
            return false; // not read ahead (it changed meanwhile): the next round
        }
        slot.content = content;
        return true;
    }

    private int pools(Truth truth) {
        int fixed = 0;
        Set<String> names = new HashSet<>(writer.poolSlots.keySet());
        names.addAll(truth.pools().keySet());
        for (String name : names) {
            PoolSlot slot = writer.poolSlots.computeIfAbsent(name, k -> new PoolSlot());
            PoolEntry p = truth.pools().get(name);
            if (slot.touched > truth.mark() || (p == null ? slot.revision == 0 : p.revision() == slot.revision)) {
                continue;
            }
            slot.touched = writer.touch();
            slot.revision = p == null ? 0 : p.revision();
            writer.setPool(name, p == null ? null : parse(p));
            fixed++;
        }
        return fixed;
    }

    /** A stored pool, or none if it cannot be read (it is left out, and said so). */
    static Pool parse(PoolEntry p) {
        try {
            return HostRecordJson.mapper().readValue(p.json(), Pool.class);
        } catch (IOException e) {
            LOG.warn("pool {} cannot be read and is left out: {}", p.name(), e.getMessage());
            return null;
        }
    }

    /** Forgets hosts with nothing left (only floors) untouched for a whole round. */
    private void prune(long mark) {
        long before = previousMark;
        writer.slots.values().removeIf(s -> s.content == null && s.admin == null && s.reportRevision == 0
                && s.touched <= before);
        previousMark = mark;
    }
}
