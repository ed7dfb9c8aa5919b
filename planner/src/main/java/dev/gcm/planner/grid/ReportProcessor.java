package dev.gcm.planner.grid;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Stores a report only when it is newer than the stored one, on the member that owns the entry, so
 * that two writers can never interleave; keeps the cordon flag. Answers whether it stored the report.
 */
final class ReportProcessor implements EntryProcessor<String, StoredHost, Boolean> {

    private static final long serialVersionUID = 1L;

    private final StoredHost report;

    ReportProcessor(StoredHost report) {
        this.report = report;
    }

    @Override
    public Boolean process(Map.Entry<String, StoredHost> entry) {
        StoredHost current = entry.getValue();
        if (!report.isNewerThan(current)) {
            return false;
        }
        entry.setValue(current == null ? report : report.withCordoned(current.cordoned()));
        return true;
    }
}
