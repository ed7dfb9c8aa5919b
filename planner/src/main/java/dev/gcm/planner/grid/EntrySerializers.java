package dev.gcm.planner.grid;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import dev.gcm.planner.model.AdminResult;
import dev.gcm.planner.model.HostAdmin;
import dev.gcm.planner.model.HostReport;
import dev.gcm.planner.model.PoolEntry;
import dev.gcm.planner.model.ReportResult;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stream serializers of the grid's entries and results: the domain types stay free of Hazelcast, and
 * their wire form is written out field by field (a version byte first, for rolling upgrades).
 */
final class EntrySerializers {

    private static final byte V1 = 1;

    private EntrySerializers() {
    }

    static Map<Class<?>, StreamSerializer<?>> all() {
        Map<Class<?>, StreamSerializer<?>> m = new LinkedHashMap<>();
        m.put(HostReport.class, new Reports());
        m.put(HostAdmin.class, new Admins());
        m.put(PoolEntry.class, new Pools());
        m.put(ReportResult.class, new ReportResults());
        m.put(AdminResult.class, new AdminResults());
        return m;
    }

    private static final class Reports extends Serializer<HostReport> {
        Reports() {
            super(1001);
        }

        @Override
        void writeFields(ObjectDataOutput out, HostReport r) throws IOException {
            out.writeString(r.hostId());
            out.writeByteArray(r.deflatedRecord());
            out.writeString(r.bootId());
            out.writeLong(r.seq());
            out.writeLong(r.receivedAtMillis());
            out.writeLong(r.revision());
            out.writeLong(r.contentRevision());
            out.writeLong(r.contentHash());
        }

        @Override
        HostReport readFields(ObjectDataInput in) throws IOException {
            return new HostReport(in.readString(), in.readByteArray(), in.readString(), in.readLong(), in.readLong(),
                    in.readLong(), in.readLong(), in.readLong());
        }
    }

    private static final class Admins extends Serializer<HostAdmin> {
        Admins() {
            super(1002);
        }

        @Override
        void writeFields(ObjectDataOutput out, HostAdmin a) throws IOException {
            out.writeBoolean(a.cordoned());
            out.writeLong(a.decommissionedAtMillis());
            out.writeLong(a.revision());
        }

        @Override
        HostAdmin readFields(ObjectDataInput in) throws IOException {
            return new HostAdmin(in.readBoolean(), in.readLong(), in.readLong());
        }
    }

    private static final class Pools extends Serializer<PoolEntry> {
        Pools() {
            super(1003);
        }

        @Override
        void writeFields(ObjectDataOutput out, PoolEntry p) throws IOException {
            out.writeString(p.name());
            out.writeString(p.json());
            out.writeLong(p.revision());
        }

        @Override
        PoolEntry readFields(ObjectDataInput in) throws IOException {
            return new PoolEntry(in.readString(), in.readString(), in.readLong());
        }
    }

    private static final class ReportResults extends Serializer<ReportResult> {
        ReportResults() {
            super(1004);
        }

        @Override
        void writeFields(ObjectDataOutput out, ReportResult r) throws IOException {
            out.writeString(r.kind().name());
            out.writeLong(r.revision());
            out.writeString(r.lastBootId());
            out.writeLong(r.lastSeq());
        }

        @Override
        ReportResult readFields(ObjectDataInput in) throws IOException {
            return new ReportResult(ReportResult.Kind.valueOf(in.readString()), in.readLong(), in.readString(),
                    in.readLong());
        }
    }

    private static final class AdminResults extends Serializer<AdminResult> {
        AdminResults() {
            super(1005);
        }

        @Override
        void writeFields(ObjectDataOutput out, AdminResult r) throws IOException {
            out.writeBoolean(r.applied());
            out.writeObject(r.state());
        }

        @Override
        AdminResult readFields(ObjectDataInput in) throws IOException {
            return new AdminResult(in.readBoolean(), in.readObject());
        }
    }

    /** One type's serializer: a version byte, then the fields. */
    private abstract static class Serializer<T> implements StreamSerializer<T> {

        private final int typeId;

        Serializer(int typeId) {
            this.typeId = typeId;
        }

        abstract void writeFields(ObjectDataOutput out, T value) throws IOException;

        abstract T readFields(ObjectDataInput in) throws IOException;

        @Override
        public void write(ObjectDataOutput out, T value) throws IOException {
            out.writeByte(V1);
            writeFields(out, value);
        }

        @Override
        public T read(ObjectDataInput in) throws IOException {
            byte version = in.readByte();
            if (version != V1) {
                throw new IOException("grid entry of an unknown version " + version);
            }
            return readFields(in);
        }

        @Override
        public int getTypeId() {
            return typeId;
        }
    }
}
