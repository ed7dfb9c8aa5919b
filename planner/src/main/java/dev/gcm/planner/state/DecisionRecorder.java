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
 * The same batch goes on, in order, to a second thread that writes it to the grid's ring (what {@code GET
 * /decisions} reads), retried while the grid cannot take it: a slow ring (backups on other members) never
 * holds up the answers. Without an audit file a decision is answered once the ring has it, and refused
 * (503) if the ring cannot take it. Nothing is dropped silently: every decision that misses a
 * sink is counted ({@code gcm_decisions_dropped_total{sink}}) and logged.
 */
public final class DecisionRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionRecorder.class);
    private static final int BATCH = 1000;
    private static final int QUEUE = 100_000;

    private record Pending(String json, CompletableFuture<Void> done) {
    }

    /** A batch for the ring: its lines, the answers that wait for the ring (no audit file), ring waiters. */
    private record RingBatch(List<String> lines, List<CompletableFuture<Void>> answers,
                             List<CompletableFuture<Void>> waiters) {
    }

    private final HzDecisionLog ring;
    private final Optional<AuditLog> audit;
    private final GridHealth health;
    private final int ringBacklogLimit;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);
    private final ArrayDeque<String> ringBacklog = new ArrayDeque<>();
    private final List<CompletableFuture<Void>> ringWaiters = new ArrayList<>();
    private final BlockingQueue<RingBatch> toRing = new ArrayBlockingQueue<>(QUEUE / BATCH + 16);
    private final Thread ringThread;
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
        this.ringThread = new Thread(this::ringLoop, "gcm-decision-ring");
        ringThread.setDaemon(true);
        thread.start();
        ringThread.start();
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
        List<CompletableFuture<Void>> waiters = new ArrayList<>();
        for (Pending p : batch) {
            if (p.json() == null) {
                waiters.add(p.done());
            } else {
                lines.add(p.json());
                answers.add(p.done());
            }
        }
        boolean audited = !lines.isEmpty() && audit.isPresent() && appendToAudit(lines);
        if (audited) {
            answers.forEach(f -> f.complete(null));
        }
        if (lines.isEmpty() && waiters.isEmpty()) {
            return;
        }
        RingBatch next = new RingBatch(lines, audited ? List.of() : answers, waiters);
        try {
            toRing.put(next);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            next.answers().forEach(f -> f.completeExceptionally(new IllegalStateException("shutting down")));
        }
    }

    /** The ring's thread: batches in the order they were audited; a batch's waiters once all before them are in. */
    private void ringLoop() {
        while (running || !toRing.isEmpty() || thread.isAlive()) {
            try {
                RingBatch first = toRing.poll(100, TimeUnit.MILLISECONDS);
                List<RingBatch> batches = new ArrayList<>();
                if (first != null) {
                    batches.add(first);
                    toRing.drainTo(batches);
                }
                List<CompletableFuture<Void>> answers = new ArrayList<>();
                for (RingBatch b : batches) {
                    b.lines().forEach(this::toRing);
                    answers.addAll(b.answers());
                    ringWaiters.addAll(b.waiters());
                }
                boolean inRing = writeRing();
                answers.forEach(f -> {
                    if (inRing) {
                        f.complete(null);
                    } else {
                        f.completeExceptionally(new IllegalStateException("the decision log cannot be written"));
                    }
                });
                if (inRing) {
                    ringWaiters.forEach(f -> f.complete(null));
                    ringWaiters.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("decision ring step failed", e);
            }
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
            ringThread.join(5000);
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
