package dev.gcm.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReconcileClockTest {

    @Test
    void eachWaitIsDrawnBetweenThreeQuartersAndFiveQuartersOfThePeriod() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long least = Long.MAX_VALUE;
        long most = 0;
        for (int i = 0; i < 10_000; i++) {
            long d = ReconcileClock.nextDelay(30_000, random.nextDouble());
            least = Math.min(least, d);
            most = Math.max(most, d);
        }
        assertThat(least).as("seed %d", seed).isGreaterThanOrEqualTo(22_500).isLessThan(23_500);
        assertThat(most).as("seed %d", seed).isLessThan(37_500).isGreaterThan(36_500);
        assertThat(ReconcileClock.nextDelay(1, 0.0)).isEqualTo(1);
    }

    @Test
    void runsRoundAfterRoundUntilStopped() {
        Vertx vertx = Vertx.vertx();
        try {
            AtomicInteger rounds = new AtomicInteger();
            ReconcileClock clock = new ReconcileClock(vertx, Duration.ofMillis(20), rounds::incrementAndGet);
            clock.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() >= 5);
            clock.stop();
            int atStop = rounds.get();
            // a round already under way when stop() was called may still finish; none starts after it, over
            // fifteen periods
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> rounds.get() <= atStop + 1);
        } finally {
            vertx.close();
        }
    }
}
