package dev.gcm.planner.http;

import dev.gcm.planner.state.DecisionRecorder;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

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
        Context on = loop;
        // with an audit file the future is done already and this runs here, on the loop, at once
        recorder.record(batch).whenComplete((x, failure) -> {
            if (Vertx.currentContext() == on) {
                settle(answers, failure);
            } else {
                on.runOnContext(v -> settle(answers, failure));
            }
        });
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
}
