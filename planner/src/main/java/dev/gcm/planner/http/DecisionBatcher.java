package dev.gcm.planner.http;

import dev.gcm.planner.state.DecisionRecorder;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Hands the decisions of one event loop to the {@link DecisionRecorder} once per turn of the loop: the
 * checks decided while the loop read its sockets are appended to the audit file together (one write, not
 * one per decision), and their answers go out together right after. Used only from its event loop (a
 * router's handlers belong to one verticle); a decision recorded from any other thread is recorded on its
 * own.
 */
final class DecisionBatcher {

    private final DecisionRecorder recorder;
    private Context loop;
    private List<String> lines = new ArrayList<>();
    private List<Promise<Void>> waiting = new ArrayList<>();

    DecisionBatcher(DecisionRecorder recorder) {
        this.recorder = recorder;
    }

    /** Records a decision; completes on this loop when it may be returned, fails when it may not. */
    Future<Void> record(String line) {
        Context current = Vertx.currentContext();
        if (current == null || !current.isEventLoopContext() || loop != null && loop != current) {
            return current == null ? Future.fromCompletionStage(recorder.record(line))
                    : Future.fromCompletionStage(recorder.record(line), current);
        }
        loop = current;
        Promise<Void> answer = Promise.promise();
        if (lines.isEmpty()) {
            // runs after the loop has handled what it read in this turn
            current.runOnContext(v -> handOver());
        }
        lines.add(line);
        waiting.add(answer);
        return answer.future();
    }

    private void handOver() {
        List<String> batch = lines;
        List<Promise<Void>> answers = waiting;
        lines = new ArrayList<>();
        waiting = new ArrayList<>();
        CompletableFuture<Void> recorded = recorder.record(batch);
        if (recorded.isDone()) {
            // the usual case: the audit file has them already
            settle(answers, recorded.isCompletedExceptionally() ? failure(recorded) : null);
        } else {
            Context on = loop;
            recorded.whenComplete((x, failure) -> on.runOnContext(v -> settle(answers, failure)));
        }
    }

    private static void settle(List<Promise<Void>> answers, Throwable failure) {
        for (Promise<Void> p : answers) {
            if (failure == null) {
                p.complete();
            } else {
                p.fail(failure);
            }
        }
    }

    private static Throwable failure(CompletableFuture<Void> failed) {
        try {
            failed.join();
            return new IllegalStateException("not recorded");
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }
}
