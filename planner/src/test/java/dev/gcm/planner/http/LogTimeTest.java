package dev.gcm.planner.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogTimeTest {

    @Test
    void writesWhatInstantWrites() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        long[] fixed = {0, 1, 999, 1000, 1001, -1, -999, -1000, -1001, 1_796_000_000_000L, 1_796_000_000_100L,
            253_402_300_799_999L, 253_402_300_800_000L, -62_135_596_800_000L};
        for (long t : fixed) {
            assertThat(LogTime.of(t)).as("%d ms", t).isEqualTo(Instant.ofEpochMilli(t).toString());
        }
        long t = 1_796_000_000_000L;
        for (int i = 0; i < 200_000; i++) {
            // mostly small steps (the cached second is reused and changes), now and then anywhere
            t = random.nextInt(50) == 0 ? random.nextLong(-100_000_000_000_000L, 300_000_000_000_000L)
                    : t + random.nextInt(-5, 1500);
            assertThat(LogTime.of(t)).as("seed %d, %d ms", seed, t).isEqualTo(Instant.ofEpochMilli(t).toString());
        }
    }
}
