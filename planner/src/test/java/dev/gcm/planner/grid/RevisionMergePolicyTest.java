package dev.gcm.planner.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.spi.merge.MergingValue;
import dev.gcm.planner.model.HostAdmin;
import dev.gcm.planner.model.HostReport;
import dev.gcm.planner.support.Fleet;
import org.junit.jupiter.api.Test;

/** After a split brain heals: the higher revision wins; one-sided entries live on for hard state only. */
class RevisionMergePolicyTest {

    private static MergingValue<Object> value(Object v) {
        return new MergingValue<>() {
            @Override
            public Object getRawValue() {
                return v;
            }

            @Override
            public Object getDeserializedValue() {
                return v;
            }
        };
    }

    private final RevisionMergePolicy soft = new RevisionMergePolicy.Soft();
    private final RevisionMergePolicy hard = new RevisionMergePolicy.Hard();

    @Test
    void theHigherRevisionWinsFromEitherSideAndATieKeepsTheLargerSides() {
        HostAdmin cordoned = new HostAdmin(true, 0, 20);
        HostAdmin uncordoned = new HostAdmin(false, 0, 30);
        assertThat(hard.merge(value(cordoned), value(uncordoned))).isSameAs(uncordoned);
        assertThat(hard.merge(value(uncordoned), value(cordoned))).isSameAs(uncordoned);
        HostAdmin tie = new HostAdmin(false, 5, 30);
        assertThat(hard.merge(value(tie), value(uncordoned))).isSameAs(uncordoned);

        HostReport older = HostReport.of(Fleet.record("h", "z14", 1), 1).stamped(10, 10);
        HostReport newer = HostReport.of(Fleet.record("h", "z14", 2), 2).stamped(11, 10);
        assertThat(soft.merge(value(newer), value(older))).isSameAs(newer);
        assertThat(soft.merge(value(older), value(newer))).isSameAs(newer);
    }

    @Test
    void anEntryOnlyTheMergingSideHasSurvivesForHardStateOnly() {
        HostAdmin tombstone = new HostAdmin(false, 1234, 40);
        assertThat(hard.merge(value(tombstone), null)).isSameAs(tombstone);
        HostReport report = HostReport.of(Fleet.record("h", "z14", 1), 1).stamped(10, 10);
        assertThat(soft.merge(value(report), null)).isNull();
    }
}
