package dev.gcm.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The wait between attempts: grows, jittered within its upper half, capped, and starts over on success. */
class BackoffTest {

    private static final long SEED = Long.getLong("gcm.seed", System.nanoTime());

    @Test
    void waitsDoubleWithJitterUpToTheCapAndStartOverAfterASuccess() {
        System.out.println("BackoffTest seed " + SEED + " (replay with -Dgcm.seed=" + SEED + ")");
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(SEED));
        long now = 0;
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            assertThat(b.ready(now)).isTrue();
            long wait = b.failed(now).toMillis();
            assertThat(b.ready(now + wait - 1)).as("seed " + SEED).isFalse();
            waits.add(wait);
            now += wait;
        }
        for (int i = 0; i < waits.size(); i++) {
            long nominal = Math.min(300_000, 1000L << i);
            assertThat(waits.get(i)).as("wait " + i + ", seed " + SEED).isBetween(nominal / 2, nominal);
        }
        assertThat(waits.subList(10, 14)).allMatch(w -> w >= 150_000);
        b.succeeded();
        assertThat(b.ready(now)).isTrue();
        assertThat(b.failed(now).toMillis()).isBetween(500L, 1000L);
    }

    @Test
    void theJitterSpreadsAFleet() {
        List<Long> thirdWaits = new ArrayList<>();
        Random seeds = new Random(SEED);
        for (int host = 0; host < 50; host++) {
            Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(seeds.nextLong()));
            b.failed(0);
            b.failed(0);
            thirdWaits.add(b.failed(0).toMillis());
        }
        assertThat(thirdWaits.stream().distinct().count()).as("seed " + SEED).isGreaterThan(25);
    }

    @Test
    void waitingForTheCap() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(SEED));
        assertThat(b.waitForCap(1000)).isEqualTo(Duration.ofSeconds(60));
        assertThat(b.ready(60_999)).isFalse();
        assertThat(b.ready(61_000)).isTrue();
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()))
                .hasMessageContaining("initial <= max");
    }
}
