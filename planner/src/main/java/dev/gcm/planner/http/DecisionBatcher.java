package dev.gcm.planner.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Hands the decisions of one event loop to the decision log ({@code DecisionRecorder#record(List)}) once per
 * turn of the loop: the checks decided while the loop read its sockets are appended to the audit file
 * together (one write, not one per decision), and their answers go out together right after. Each request
 * runs on its own duplicate of the loop's context; the batch belongs to the loop itself (the context they
 * duplicate). Used only from its event loop (a router's handlers belong to one verticle); a decision
 * recorded from any other thread is recorded on its own.
 */
final class DecisionBatcher {

    private final Function<List<String>, CompletableFuture<Void>> log;
    private ContextInternal loop;
    private List<String> lines = new ArrayList<>();
    private List<Promise<Void>> waiting = new ArrayList<>();

    /** @param log records a batch of decisions; completes when they may be returned, fails when they may not */
    DecisionBatcher(Function<List<String>, CompletableFuture<Void>> log) {
        this.log = log;
    }

    /** Records a decision; completes on this loop when it may be returned, fails when it may not. */
    Future<Void> record(String line) {
        Context current = Vertx.currentContext();
        ContextInternal root = current instanceof ContextInternal c && c.isEventLoopContext() ? c.unwrap() : null;
        if (root == null || loop != null && loop != root) {
            return current == null ? Future.fromCompletionStage(log.apply(List.of(line)))
                    : Future.fromCompletionStage(log.apply(List.of(line)), current);
        }
        loop = root;
        Promise<Void> answer = Promise.promise();
        if (lines.isEmpty()) {
            // runs after the loop has handled what it read in this turn
            root.runOnContext(v -> handOver());
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
        ContextInternal on = loop;
        // with an audit file the future is done already and this runs here, on the loop, at once
        log.apply(batch).whenComplete((x, failure) -> {
            if (on.nettyEventLoop().inEventLoop()) {
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
