package dev.gcm.facilitydb.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    @Test
    void aKeyTwiceInOneObjectIsAnErrorNotLastWins() {
        assertThatThrownBy(() -> CpuModelInfoJson.mapper().readTree("{\"name\": \"z14\", \"name\": \"z13\"}"))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field 'name'");
    }

    @Test
    void nestingDeeperThanTheBoundIsAnError() throws Exception {
        int ok = StrictJson.MAX_NESTING_DEPTH;
        assertThat(CpuModelInfoJson.mapper().readTree("[".repeat(ok) + "]".repeat(ok))).isNotNull();
        assertThatThrownBy(() -> CpuModelInfoJson.mapper().readTree("[".repeat(1000) + "]".repeat(1000)))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("nesting depth");
    }
}
