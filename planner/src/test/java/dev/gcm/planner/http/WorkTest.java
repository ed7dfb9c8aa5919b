package dev.gcm.planner.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker pool's bounds: per caller (429), in all (503), and a slot freed when a job ends. */
class WorkTest {

    private Vertx vertx;
    private Work work;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        work = new Work(vertx, 1, 1, 1, new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        work.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private Future<String> blocked(String caller) {
        return work.submit(caller, () -> {
            release.await(30, TimeUnit.SECONDS);
            return caller;
        });
    }

    private static int status(Future<?> f) {
        return f.failed() && f.cause() instanceof ApiError e ? e.status() : 0;
    }

    @Test
    void aCallerBeyondItsShareGets429AndEveryoneBeyondThePoolGets503() throws Exception {
        Future<String> first = blocked("a");
        assertThat(status(blocked("a"))).as("a second job of the same caller").isEqualTo(429);
        Future<String> queued = blocked("b");
        assertThat(queued.failed()).as("one thread and one place in the queue").isFalse();
        Future<String> third = blocked("c");
        assertThat(status(third)).isEqualTo(503);
        assertThat(((ApiError) third.cause()).code()).isEqualTo("BUSY");
        release.countDown();
        assertThat(first.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("a");
        assertThat(queued.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("b");
        assertThat(work.submit("a", () -> "again").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .as("the slots are free again").isEqualTo("again");
    }
}
