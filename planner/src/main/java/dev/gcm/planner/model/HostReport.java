package dev.gcm.planner.model;

import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A host's last accepted report (soft state: its agent sends it again every heartbeat): the record (JSON,
 * kept deflated), the agent's boot and seq that order reports, when it arrived, the entry's revision
 * (stamped by the grid on every write) and the revision at which its content last changed; a report
 * that only repeats the content (a heartbeat) keeps the content revision, so the index need not read
 * it again. Immutable.
 */
public final class HostReport implements Revisioned {

    private final String hostId;
    private final byte[] record;
    private final String bootId;
    private final long seq;
    private final long receivedAtMillis;
    private final long revision;
    private final long contentRevision;
    private final long contentHash;

    public HostReport(String hostId, byte[] deflatedRecord, String bootId, long seq, long receivedAtMillis,
                      long revision, long contentRevision, long contentHash) {
        this.hostId = hostId;
        this.record = deflatedRecord;
        this.bootId = bootId;
        this.seq = seq;
        this.receivedAtMillis = receivedAtMillis;
        this.revision = revision;
        this.contentRevision = contentRevision;
        this.contentHash = contentHash;
    }

    /** A new, not yet stamped report of a validated record. */
    public static HostReport of(HostRecord record, long receivedAtMillis) {
        String json = HostRecordJson.write(record);
        HostRecord content = new HostRecord(record.apiVersion(), record.kind(), record.hostId(), record.labels(),
                record.machine(), record.hostModel(), record.facilities(), record.hypervisor(), record.guests(), null,
                record.agentVersion(), "", 0);
        return new HostReport(record.hostId(), RecordCompression.deflate(json), record.bootId(), record.seq(),
                receivedAtMillis, 0, 0, hash(HostRecordJson.write(content)));
    }

    /** This report as the grid stores it, with its revisions. */
    public HostReport stamped(long newRevision, long newContentRevision) {
        return new HostReport(hostId, record, bootId, seq, receivedAtMillis, newRevision, newContentRevision, contentHash);
    }

    public String hostId() {
        return hostId;
    }

    /** The record's JSON. */
    public String recordJson() {
        return RecordCompression.inflate(record);
    }

    /** The record, deflated (what the grid stores; do not change the array). */
    public byte[] deflatedRecord() {
        return record;
    }

    public String bootId() {
        return bootId;
    }

    public long seq() {
        return seq;
    }

    public long receivedAtMillis() {
        return receivedAtMillis;
    }

    @Override
    public long revision() {
        return revision;
    }

    public long contentRevision() {
        return contentRevision;
    }

    /** A hash of the record without what changes every heartbeat (boot, seq, probe time). */
    public long contentHash() {
        return contentHash;
    }

    /** Whether this report repeats the other's content. */
    public boolean sameContentAs(HostReport other) {
        return other != null && contentHash == other.contentHash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostReport r && hostId.equals(r.hostId) && Objects.equals(bootId, r.bootId) && seq == r.seq
                && receivedAtMillis == r.receivedAtMillis && revision == r.revision
                && contentRevision == r.contentRevision && contentHash == r.contentHash
                && Arrays.equals(record, r.record);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostId, bootId, seq, revision);
    }

    @Override
    public String toString() {
        return "HostReport[" + hostId + ", bootId=" + bootId + ", seq=" + seq + ", revision=" + revision
                + ", contentRevision=" + contentRevision + ", " + record.length + " bytes deflated]";
    }

    private static long hash(String json) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(d).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
