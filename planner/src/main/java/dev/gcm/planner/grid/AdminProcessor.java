package dev.gcm.planner.grid;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.gcm.planner.model.AdminResult;
import dev.gcm.planner.model.HostAdmin;
import dev.gcm.planner.model.Revisions;
import java.io.IOException;
import java.util.Map;

/**
 * An admin's decision about a host, applied on the owner of its hard-state entry with a new revision:
 * cordon, uncordon, decommission (leaves a tombstone), recommission (clears it), and the expiry of a
 * tombstone older than a limit. Answers whether it applied and the state after it; an action whose
 * precondition fails (decommission twice, recommission of a host that is not decommissioned) changes
 * nothing.
 */
final class AdminProcessor extends GridProcessor<HostAdmin, AdminResult> {

    private static final long serialVersionUID = 1L;

    /** What an admin (or expiry) does. */
    enum Action { CORDON, UNCORDON, DECOMMISSION, RECOMMISSION, EXPIRE_TOMBSTONE }

    private Action action;
    private long atMillis;

    AdminProcessor() {
    }

    /** @param atMillis the time of a decommission, or the limit below which a tombstone expires */
    AdminProcessor(Action action, long atMillis) {
        this.action = action;
        this.atMillis = atMillis;
    }

    @Override
    public AdminResult process(Map.Entry<String, HostAdmin> entry) {
        HostAdmin current = entry.getValue() == null ? HostAdmin.NONE : entry.getValue();
        long next = Revisions.next(current.revision());
        HostAdmin after = switch (action) {
            case CORDON -> current.cordoned() ? null : current.withCordoned(true, next);
            case UNCORDON -> current.cordoned() ? current.withCordoned(false, next) : null;
            case DECOMMISSION -> current.decommissioned() ? null : current.withDecommissioned(atMillis, next);
            case RECOMMISSION -> current.decommissioned() ? current.withDecommissioned(0, next) : null;
            case EXPIRE_TOMBSTONE -> current.decommissioned() && current.decommissionedAtMillis() < atMillis
                    ? current.withDecommissioned(0, next) : null;
        };
        if (after == null) {
            // cordon and uncordon are idempotent; the others did not apply
            return new AdminResult(action == Action.CORDON || action == Action.UNCORDON, current);
        }
        write(entry, after);
        return new AdminResult(true, after);
    }

    @Override
    public int getClassId() {
        return GridSerialization.ADMIN_PROCESSOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(action.name());
        out.writeLong(atMillis);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        action = Action.valueOf(in.readString());
        atMillis = in.readLong();
    }
}
