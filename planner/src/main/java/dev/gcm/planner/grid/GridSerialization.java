package dev.gcm.planner.grid;

import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.util.function.Supplier;

/**
 * How the grid writes what it holds and sends: grid entries (the domain's {@link dev.gcm.planner.model}
 * types) by explicit stream serializers, entry processors, the projection, the merge policies and the
 * decision-tail task as identified data; nothing of ours in Java serialization. Java deserialization is
 * refused for every class but Hazelcast's own and core JDK types (Hazelcast sends exceptions between
 * members that way), so a member that is sent a Java-serialized object of any other class never runs its
 * {@code readObject}.
 */
final class GridSerialization {

    static final int FACTORY_ID = 1407;
    static final int REPORT_PROCESSOR = 1;
    static final int EXPIRE_PROCESSOR = 2;
    static final int ADMIN_PROCESSOR = 3;
    static final int POOL_PUT_PROCESSOR = 4;
    static final int MERGE_IF_NEWER_PROCESSOR = 5;
    static final int SET_VALUE_PROCESSOR = 6;
    static final int SOFT_MERGE_POLICY = 7;
    static final int HARD_MERGE_POLICY = 8;
    static final int META_PROJECTION = 9;
    static final int DECISION_TAIL_TASK = 10;
    /** The only classes Java deserialization may resolve: Hazelcast's exceptions and what they carry. */
    static final String[] JAVA_DESERIALIZABLE = {"com.hazelcast.", "java.lang.", "java.util.", "java.io.", "java.net.",
        "java.nio.", "java.time.", "java.math.", "java.security.", "["};

    private GridSerialization() {
    }

    static void configure(SerializationConfig c) {
        c.addDataSerializableFactory(FACTORY_ID, GridSerialization::create);
        EntrySerializers.all().forEach((type, serializer) ->
                c.addSerializerConfig(new SerializerConfig().setTypeClass(type).setImplementation(serializer)));
        c.setJavaSerializationFilterConfig(new JavaSerializationFilterConfig().setDefaultsDisabled(true)
                .setWhitelist(new ClassFilter().addPrefixes(JAVA_DESERIALIZABLE)));
    }

    /** The factory Hazelcast asks for our identified types. */
    static IdentifiedDataSerializable create(int classId) {
        Supplier<IdentifiedDataSerializable> s = switch (classId) {
            case REPORT_PROCESSOR -> ReportProcessor::new;
            case EXPIRE_PROCESSOR -> ExpireProcessor::new;
            case ADMIN_PROCESSOR -> AdminProcessor::new;
            case POOL_PUT_PROCESSOR -> PoolPutProcessor::new;
            case MERGE_IF_NEWER_PROCESSOR -> MergeIfNewerProcessor::new;
            case SET_VALUE_PROCESSOR -> SetValueProcessor::new;
            case SOFT_MERGE_POLICY -> RevisionMergePolicy.Soft::new;
            case HARD_MERGE_POLICY -> RevisionMergePolicy.Hard::new;
            case META_PROJECTION -> MetaProjection::new;
            case DECISION_TAIL_TASK -> DecisionTailTask::new;
            default -> null;
        };
        return s == null ? null : s.get();
    }
}
