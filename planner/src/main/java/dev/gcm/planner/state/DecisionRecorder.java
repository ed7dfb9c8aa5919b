package dev.gcm.planner.state;

import dev.gcm.planner.grid.HzDecisionLog;
import dev.gcm.planner.model.GridHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every decision before it is returned: one thread takes the decisions queued meanwhile as a
 * batch and appends them to this member's audit file; a decision is answered once the file has it.
 * The same batch goes to the grid's ring (what {@code GET /decisions} reads) right after, retried while
 * the grid cannot take it. Without an audit file a decision is answered once the ring has it, and
 * refused (503) if the ring cannot take it. Nothing is dropped silently: every decision that misses a
 * sink is counted ({@code gcm_decisions_dropped_total{sink}}) and logged.
 */
public final class DecisionRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionRecorder.class);
    private static final int BATCH = 1000;
    private static final int QUEUE = 100_000;

    private record Pending(String json, CompletableFuture<Void> done) {
    }

    private final HzDecisionLog ring;
    private final Optional<AuditLog> audit;
    private final GridHealth health;
    private final int ringBacklogLimit;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);
    private final ArrayDeque<String> ringBacklog = new ArrayDeque<>();
    private final List<CompletableFuture<Void>> ringWaiters = new ArrayList<>();
    private final Counter droppedRing;
    private final Counter droppedAudit;
    private final Thread thread;
    private volatile boolean running = true;

    public DecisionRecorder(HzDecisionLog ring, Optional<AuditLog> audit, GridHealth health, int ringBacklogLimit,
                            MeterRegistry metrics) {
        this.ring = ring;
        this.audit = audit;
        this.health = health;
        this.ringBacklogLimit = ringBacklogLimit;
        this.droppedRing = dropped(metrics, "ring");
        this.droppedAudit = dropped(metrics, "audit");
        Gauge.builder("gcm.decisions.pending", this, r -> r.queue.size()).register(metrics);
        this.thread = new Thread(this::loop, "gcm-decision-log");
        thread.setDaemon(true);
        thread.start();
    }

    private static Counter dropped(MeterRegistry metrics, String sink) {
        return Counter.builder("gcm.decisions.dropped").tag("sink", sink)
                .description("decisions that could not be written to a sink of the decision log").register(metrics);
    }

    /** Records a decision; completes when it may be returned, fails when it may not (nothing recorded it). */
    public CompletableFuture<Void> record(String decisionJson) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(decisionJson, done))) {
            droppedAudit.increment();
            droppedRing.increment();
            LOG.error("decision log overloaded ({} decisions queued): a decision was refused", QUEUE);
            done.completeExceptionally(new IllegalStateException("the decision log is overloaded"));
        }
        return done;
    }

    /** Completes when the decisions recorded so far on this member are in the ring (or after the timeout). */
    public CompletableFuture<Boolean> ringCaughtUp(long timeoutMillis) {
        CompletableFuture<Void> marker = new CompletableFuture<>();
        queue.offer(new Pending(null, marker));
        return marker.thenApply(v -> true).completeOnTimeout(false, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void loop() {
        while (running || !queue.isEmpty()) {
            try {
                List<Pending> batch = new ArrayList<>();
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                step(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("decision log step failed", e);
            }
        }
    }

    private void step(List<Pending> batch) {
        List<String> lines = new ArrayList<>(batch.size());
        List<CompletableFuture<Void>> answers = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            if (p.json() == null) {
                ringWaiters.add(p.done());
            } else {
                lines.add(p.json());
                answers.add(p.done());
            }
        }
        boolean audited = !lines.isEmpty() && audit.isPresent() && appendToAudit(lines);
        if (audited) {
            answers.forEach(f -> f.complete(null));
        }
        lines.forEach(this::toRing);
        boolean inRing = writeRing();
        if (!audited) {
            answers.forEach(f -> {
                if (inRing) {
                    f.complete(null);
                } else {
                    f.completeExceptionally(new IllegalStateException("the decision log cannot be written"));
                }
            });
        }
        if (inRing) {
            ringWaiters.forEach(f -> f.complete(null));
            ringWaiters.clear();
        }
    }

    private boolean appendToAudit(List<String> lines) {
        try {
            audit.get().append(lines);
            return true;
        } catch (IOException | RuntimeException e) {
            droppedAudit.increment(lines.size());
            LOG.error("{} decision(s) not written to the audit file: {}", lines.size(), e.getMessage());
            return false;
        }
    }

    private void toRing(String line) {
        if (ringBacklog.size() >= ringBacklogLimit) {
            ringBacklog.poll();
            droppedRing.increment();
            LOG.error("the decision ring has been unreachable for {} decisions: the oldest is left out of it"
                    + " (it is in the audit file)", ringBacklogLimit);
        }
        ringBacklog.add(line);
    }

    /** Writes the backlog to the ring while the grid takes it; answers whether the backlog is empty. */
    private boolean writeRing() {
        while (!ringBacklog.isEmpty()) {
            if (!health.hasQuorum()) {
                return false;
            }
            List<String> chunk = new ArrayList<>(ringBacklog).subList(0, Math.min(BATCH, ringBacklog.size()));
            try {
                ring.append(chunk).get(3, TimeUnit.SECONDS);
                for (int i = 0; i < chunk.size(); i++) {
                    ringBacklog.poll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                LOG.warn("{} decision(s) not yet in the grid's ring ({}); retrying", ringBacklog.size(), e.getMessage());
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!ringBacklog.isEmpty()) {
            droppedRing.increment(ringBacklog.size());
            LOG.error("{} decision(s) not in the grid's ring at shutdown (they are in the audit file, if any)",
                    ringBacklog.size());
        }
        audit.ifPresent(a -> {
            try {
                a.close();
            } catch (IOException e) {
                LOG.warn("audit file not closed cleanly: {}", e.getMessage());
            }
        });
    }
}
