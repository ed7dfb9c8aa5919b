package dev.gcm.planner.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.spi.merge.MergingValue;
import org.junit.jupiter.api.Test;

/** After a split brain heals, each host keeps the newer report, whichever side had it. */
class NewerReportMergePolicyTest {

    private static MergingValue<StoredHost> value(StoredHost h) {
        return new MergingValue<>() {
            @Override
            public Object getRawValue() {
                return h;
            }

            @Override
            public StoredHost getDeserializedValue() {
                return h;
            }
        };
    }

    private final NewerReportMergePolicy policy = new NewerReportMergePolicy();
    private final StoredHost older = new StoredHost("{}", "boot-1", 5, 1, false);
    private final StoredHost newer = new StoredHost("{}", "boot-2", 9, 2, true);

    @Test
    void theNewerReportWinsFromEitherSide() {
        assertThat(policy.merge(value(newer), value(older))).isSameAs(newer);
        assertThat(policy.merge(value(older), value(newer))).isSameAs(newer);
    }

    @Test
    void aTieKeepsWhatIsThereAndAnEntryOnOneSideOnlySurvives() {
        StoredHost same = new StoredHost("{}", "boot-1", 5, 3, true);
        assertThat(policy.merge(value(same), value(older))).isSameAs(older);
        assertThat(policy.merge(value(older), null)).isSameAs(older);
    }
}
