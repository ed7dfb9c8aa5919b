package dev.gcm.planner.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batcher as HTTP requests use it: each request's handler runs on its own duplicate of the loop's
 * context, and the decisions of one turn of the loop reach the log as one batch.
 */
class DecisionBatcherTest {

    private final Vertx vertx = Vertx.vertx();
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void decisionsOfOneTurnAreOneBatchAndAnsweredAfterIt() throws Exception {
        DecisionBatcher batcher = new DecisionBatcher(batch -> {
            batches.add(List.copyOf(batch));
            return CompletableFuture.completedFuture(null);
        });
        ContextInternal loop = (ContextInternal) vertx.getOrCreateContext();
        List<Future<Void>> answers = onLoop(loop, batcher, 10, "a");
        waitFor(answers);
        assertThat(batches).containsExactly(List.of("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"));
        // the next turn is a batch of its own
        waitFor(onLoop(loop, batcher, 3, "b"));
        assertThat(batches).hasSize(2).last().isEqualTo(List.of("b0", "b1", "b2"));
    }

    @Test
    void aBatchTheLogRefusesIsRefusedToEveryDecisionInIt() throws Exception {
        DecisionBatcher batcher = new DecisionBatcher(batch -> {
            batches.add(List.copyOf(batch));
            return CompletableFuture.failedFuture(new IllegalStateException("the decision log cannot be written"));
        });
        List<Future<Void>> answers = onLoop((ContextInternal) vertx.getOrCreateContext(), batcher, 4, "c");
        for (Future<Void> f : answers) {
            assertThat(f.toCompletionStage().toCompletableFuture()).failsWithin(10, TimeUnit.SECONDS);
        }
        assertThat(batches).hasSize(1);
    }

    @Test
    void aDecisionFromOutsideAnEventLoopIsRecordedOnItsOwn() throws Exception {
        DecisionBatcher batcher = new DecisionBatcher(batch -> {
            batches.add(List.copyOf(batch));
            return CompletableFuture.completedFuture(null);
        });
        batcher.record("x").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        batcher.record("y").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(batches).containsExactly(List.of("x"), List.of("y"));
    }

    /** {@code n} decisions recorded in one task of the loop, each from a duplicate context as a request's. */
    private static List<Future<Void>> onLoop(ContextInternal loop, DecisionBatcher batcher, int n, String prefix)
            throws Exception {
        CompletableFuture<List<Future<Void>>> out = new CompletableFuture<>();
        loop.runOnContext(v -> {
            List<Future<Void>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String line = prefix + i;
                loop.duplicate().emit(x -> answers.add(batcher.record(line)));
            }
            answers.forEach(f -> assertThat(f.isComplete()).as("answered before the batch is written").isFalse());
            out.complete(answers);
        });
        return out.get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(List<Future<Void>> answers) throws Exception {
        for (Future<Void> f : answers) {
            f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
