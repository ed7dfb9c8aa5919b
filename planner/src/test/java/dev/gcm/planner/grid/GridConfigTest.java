package dev.gcm.planner.grid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GridConfigTest {

    /** The decision ring keeps a copy more than the members a majority can lose, never none with company. */
    @Test
    void theRingOutlivesEveryLossAMajoritySurvives() {
        for (int members = 1; members <= 9; members++) {
            int backups = GridConfig.ringBackups(members);
            int majorityCanLose = members - (members / 2 + 1);
            assertThat(backups).as("%d members", members).isLessThanOrEqualTo(2).isLessThan(Math.max(1, members));
            assertThat(backups).as("%d members", members).isGreaterThanOrEqualTo(Math.min(2, majorityCanLose));
            if (members > 1) {
                assertThat(backups).as("%d members", members).isPositive();
            }
        }
    }
}
