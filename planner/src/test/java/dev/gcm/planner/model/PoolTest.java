package dev.gcm.planner.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.hypervisor.record.HostRecordJson;
import org.junit.jupiter.api.Test;

class PoolTest {

    @Test
    void aPoolStoredBeforeTheOptionsExistedReadsAsNotStrictWithDeprecatedFeaturesOn() throws Exception {
        Pool old = HostRecordJson.mapper().readValue("{\"name\":\"zone-a\",\"selector\":{\"zone\":\"a\"},\"soft\":false}",
                Pool.class);
        assertThat(old.strictIbc()).isFalse();
        assertThat(old.deprecatedFeatures()).isEqualTo(Pool.ON);
        assertThat(old.gcmOptions().deprecatedFeaturesOff()).isFalse();
    }

    @Test
    void theOptionsSurviveTheStoredJson() throws Exception {
        Pool p = new Pool("strict", java.util.Map.of(), null, false, true, Pool.OFF);
        Pool back = HostRecordJson.mapper().readValue(HostRecordJson.mapper().writeValueAsString(p), Pool.class);
        assertThat(back).isEqualTo(p);
        assertThat(back.gcmOptions().strictIbc()).isTrue();
        assertThat(back.gcmOptions().deprecatedFeaturesOff()).isTrue();
    }
}
