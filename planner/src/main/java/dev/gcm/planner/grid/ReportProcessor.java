package dev.gcm.planner.grid;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.gcm.planner.model.HostReport;
import dev.gcm.planner.model.ReportResult;
import dev.gcm.planner.model.Revisions;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * Stores an agent's report on the entry's owner, so two writers never interleave: a report of the same
 * boot and seq as the stored one is a duplicate (a retry: nothing changes); one whose seq is not above
 * the stored one is stale (the answer names the stored boot and seq, from which the agent continues);
 * anything else is stored with a new revision, keeping the content revision when only the heartbeat
 * fields changed.
 */
final class ReportProcessor extends GridProcessor<HostReport, ReportResult> {

    private static final long serialVersionUID = 1L;

    private HostReport report;

    ReportProcessor() {
    }

    ReportProcessor(HostReport report) {
        this.report = report;
    }

    @Override
    public ReportResult process(Map.Entry<String, HostReport> entry) {
        HostReport current = entry.getValue();
        if (current != null) {
            if (current.seq() == report.seq() && Objects.equals(current.bootId(), report.bootId())
                    && current.sameContentAs(report)) {
                // a retry of what is stored (another (bootId, seq) with other content is stale, below)
                return new ReportResult(ReportResult.Kind.DUPLICATE, current.revision(), current.bootId(), current.seq());
            }
            if (report.seq() <= current.seq()) {
                return new ReportResult(ReportResult.Kind.STALE, current.revision(), current.bootId(), current.seq());
            }
        }
        long revision = Revisions.next(current == null ? 0 : current.revision());
        long content = current != null && current.sameContentAs(report) ? current.contentRevision() : revision;
        write(entry, report.stamped(revision, content));
        return ReportResult.stored(revision);
    }

    @Override
    public int getClassId() {
        return GridSerialization.REPORT_PROCESSOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeObject(report);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        report = in.readObject();
    }
}
