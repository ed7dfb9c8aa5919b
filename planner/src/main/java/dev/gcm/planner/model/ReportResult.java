package dev.gcm.planner.model;

/**
 * What became of an agent's report: stored (with the entry's new revision), a duplicate of the stored
 * one (same boot and seq: nothing changed), or stale (not newer than the stored one: the last accepted
 * boot and seq, from which the agent continues).
 */
public record ReportResult(Kind kind, long revision, String lastBootId, long lastSeq) {

    /** The outcomes. */
    public enum Kind { STORED, DUPLICATE, STALE }

    public static ReportResult stored(long revision) {
        return new ReportResult(Kind.STORED, revision, null, 0);
    }
}
