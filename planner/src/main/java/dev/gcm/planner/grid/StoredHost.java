package dev.gcm.planner.grid;

import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A host's entry in the grid: its last accepted record (JSON, kept deflated: facility lists and feature
 * names shrink to about a third, and the grid holds every record twice, primary and backup), the report
 * identity that orders writes, when the record arrived, and whether an admin cordoned the host. Immutable.
 */
public final class StoredHost implements Serializable {

    private static final long serialVersionUID = 2L;
    private static final byte[] NONE = new byte[0];

    private final byte[] record;
    private final String bootId;
    private final long seq;
    private final long receivedAtMillis;
    private final boolean cordoned;

    public StoredHost(String recordJson, String bootId, long seq, long receivedAtMillis, boolean cordoned) {
        this(recordJson.isEmpty() ? NONE : deflate(recordJson), bootId, seq, receivedAtMillis, cordoned);
    }

    private StoredHost(byte[] record, String bootId, long seq, long receivedAtMillis, boolean cordoned) {
        this.record = record;
        this.bootId = bootId;
        this.seq = seq;
        this.receivedAtMillis = receivedAtMillis;
        this.cordoned = cordoned;
    }

    /** The record's JSON ("" in the index's copies, which keep no record). */
    public String recordJson() {
        return record.length == 0 ? "" : inflate(record);
    }

    /** The record's size in the grid, deflated. */
    public int storedBytes() {
        return record.length;
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

    public boolean cordoned() {
        return cordoned;
    }

    public StoredHost withCordoned(boolean value) {
        return new StoredHost(record, bootId, seq, receivedAtMillis, value);
    }

    /** The same entry without the record (what the index keeps; the grid has the record). */
    public StoredHost withoutRecord() {
        return new StoredHost(NONE, bootId, seq, receivedAtMillis, cordoned);
    }

    /** Whether two entries stand for the same report, cordon and arrival, whether or not they hold the record. */
    public boolean sameEntryAs(StoredHost other) {
        return other != null && seq == other.seq && receivedAtMillis == other.receivedAtMillis
                && cordoned == other.cordoned && Objects.equals(bootId, other.bootId);
    }

    /** Whether this report is newer than the other; seq grows across an agent's boots. */
    public boolean isNewerThan(StoredHost other) {
        return other == null || seq > other.seq;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredHost s && sameEntryAs(s) && Arrays.equals(record, s.record);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bootId, seq, receivedAtMillis, cordoned) * 31 + Arrays.hashCode(record);
    }

    @Override
    public String toString() {
        return "StoredHost[bootId=" + bootId + ", seq=" + seq + ", receivedAtMillis=" + receivedAtMillis
                + ", cordoned=" + cordoned + ", record=" + record.length + " bytes deflated]";
    }

    private static byte[] deflate(String json) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            d.setInput(json.getBytes(StandardCharsets.UTF_8));
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length() / 2);
            byte[] buf = new byte[4096];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static String inflate(byte[] deflated) {
        Inflater i = new Inflater(true);
        try {
            i.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 4);
            byte[] buf = new byte[8192];
            while (!i.finished()) {
                int n = i.inflate(buf);
                if (n == 0 && (i.needsInput() || i.needsDictionary())) {
                    throw new IllegalStateException("a stored record is cut short");
                }
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored record is not deflated JSON", e);
        } finally {
            i.end();
        }
    }
}
