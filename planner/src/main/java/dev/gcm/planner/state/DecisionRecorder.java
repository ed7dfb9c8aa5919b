package dev.gcm.planner.state;

import dev.gcm.planner.grid.HzDecisionLog;
import dev.gcm.planner.model.GridHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every decision before it is returned. With an audit file (the usual case) {@link #record}
 * appends the decisions to it in the caller's thread, a write to the operating system's page cache like a
 * log line's (no fsync: a killed JVM loses none, a lost machine may), and the decision may be returned as
 * soon as it returns: no thread hand-over on the answer's path (on a busy member, waking a writer thread
 * for each batch cost more than the rest of the check). How long appends take is measured
 * ({@code gcm_decision_audit_append_seconds}) so a slow volume shows. That file is the decision's record:
 * {@code GET /decisions} asks every member for the newest entries of its own
 * ({@link HzDecisionLog#everywhere}), so a decision costs the grid nothing. Without an audit file (or when
 * appending to it fails) a decision is answered once the grid's ring has it, and refused (503) if the ring
 * cannot take it: the ring's thread is woken when a decision is recorded for the ring or a reader waits
 * ({@link #ringCaughtUp}), writes what was recorded meanwhile, and retries every {@value #RING_TICK_MILLIS}
 * ms while the grid cannot take it; with nothing to write it sleeps until woken. Nothing is dropped
 * silently: every decision that misses a sink is counted ({@code gcm_decisions_dropped_total{sink}}) and
 * logged.
 */
public final class DecisionRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionRecorder.class);
    private static final int CHUNK = 1000;
    static final long RING_TICK_MILLIS = 50;

    /** Lines on their way to the ring; who waits for them there (answers without an audit file, markers). */
    private record ToRing(List<String> lines, CompletableFuture<Void> answer, CompletableFuture<Void> marker) {
    }

    private final HzDecisionLog ring;
    private final Optional<AuditLog> audit;
    private final GridHealth health;
    private final int ringBacklogLimit;
    private final ConcurrentLinkedQueue<ToRing> toRing = new ConcurrentLinkedQueue<>();
    /** Lines queued for the ring thread and not yet taken: bounded, so a stuck grid costs bounded memory. */
    private final AtomicInteger queuedLines = new AtomicInteger();
    private final ArrayDeque<String> ringBacklog = new ArrayDeque<>();
    private final List<CompletableFuture<Void>> ringWaiters = new ArrayList<>();
    private final Thread ringThread;
    private final Counter droppedRing;
    private final Counter droppedAudit;
    private final Timer auditAppend;
    private volatile boolean running = true;

    public DecisionRecorder(HzDecisionLog ring, Optional<AuditLog> audit, GridHealth health, int ringBacklogLimit,
                            MeterRegistry metrics) {
        this.ring = ring;
        this.audit = audit;
        this.health = health;
        this.ringBacklogLimit = ringBacklogLimit;
        this.droppedRing = dropped(metrics, "ring");
        this.droppedAudit = dropped(metrics, "audit");
        this.auditAppend = Timer.builder("gcm.decision.audit.append")
                .description("appending a batch of decisions to this member's audit file").register(metrics);
        Gauge.builder("gcm.decisions.pending", this, r -> r.queuedLines.get() + r.ringBacklogSize())
                .description("decisions recorded and not yet in the grid's ring").register(metrics);
        this.ringThread = new Thread(this::ringLoop, "gcm-decision-ring");
        ringThread.setDaemon(true);
        ringThread.start();
    }

    private static Counter dropped(MeterRegistry metrics, String sink) {
        return Counter.builder("gcm.decisions.dropped").tag("sink", sink)
                .description("decisions that could not be written to a sink of the decision log").register(metrics);
    }

    /** Records a decision; completes when it may be returned, fails when it may not (nothing recorded it). */
    public CompletableFuture<Void> record(String decisionJson) {
        return record(List.of(decisionJson));
    }

    /**
     * Records decisions in their order; the future completes when all of them may be returned (with an audit
     * file: already done when this returns) and fails when none may (nothing recorded them). Safe from any
     * thread; appends from several threads are serialized.
     */
    public CompletableFuture<Void> record(List<String> decisionsJson) {
        List<String> lines = List.copyOf(decisionsJson);
        if (!running) {
            return refused(lines, "the decision log is closed", audit.isPresent());
        }
        if (audit.isPresent() && appendToAudit(lines)) {
            return CompletableFuture.completedFuture(null); // the member's own record, which GET /decisions asks
        }
        if (queuedLines.addAndGet(lines.size()) > ringBacklogLimit + CHUNK) {
            // the ring thread is far behind (a grid that takes nothing for seconds)
            queuedLines.addAndGet(-lines.size());
            return refused(lines, "the decision log is overloaded", false);
        }
        CompletableFuture<Void> answer = new CompletableFuture<>();
        toRing.add(new ToRing(lines, answer, null));
        LockSupport.unpark(ringThread); // the answer waits for the ring: now, not at the next tick
        return answer;
    }

    /** A refusal: none of the lines may be returned (counted as missing from the ring, and the audit file if said). */
    private CompletableFuture<Void> refused(List<String> lines, String why, boolean missingFromAudit) {
        if (missingFromAudit) {
            droppedAudit.increment(lines.size());
        }
        droppedRing.increment(lines.size());
        LOG.error("{}: {} decision(s) refused", why, lines.size());
        return CompletableFuture.failedFuture(new IllegalStateException(why));
    }

    /** Completes when the decisions recorded so far on this member are in the ring (or after the timeout). */
    public CompletableFuture<Boolean> ringCaughtUp(long timeoutMillis) {
        CompletableFuture<Void> marker = new CompletableFuture<>();
        toRing.add(new ToRing(List.of(), null, marker));
        LockSupport.unpark(ringThread);
        return marker.thenApply(v -> true).completeOnTimeout(false, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private boolean appendToAudit(List<String> lines) {
        long start = System.nanoTime();
        try {
            AuditLog.Lines encoded = AuditLog.encode(lines); // outside the lock: other loops wait only for the write
            synchronized (audit.get()) {
                audit.get().append(encoded);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            droppedAudit.increment(lines.size());
            LOG.error("{} decision(s) not written to the audit file: {}", lines.size(), e.getMessage());
            return false;
        } finally {
            auditAppend.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The ring's thread: every tick (or when woken) the lines recorded meanwhile, in their order; answers and
     * markers once everything before them is in the ring.
     */
    private void ringLoop() {
        while ((running || !toRing.isEmpty()) && !Thread.currentThread().isInterrupted()) {
            try {
                if (running && toRing.isEmpty()) {
                    if (ringBacklog.isEmpty()) {
                        // nothing to write or retry (a member with an audit file, or an idle one): sleep until
                        // record, ringCaughtUp or close adds work and wakes it (a wake-up given before the
                        // park is not lost: it lets the park return at once)
                        LockSupport.park(this);
                    } else {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RING_TICK_MILLIS)); // the retry's tick
                    }
                }
                List<CompletableFuture<Void>> answers = new ArrayList<>();
                for (ToRing t = toRing.poll(); t != null; t = toRing.poll()) {
                    queuedLines.addAndGet(-t.lines().size());
                    t.lines().forEach(this::toBacklog);
                    if (t.answer() != null) {
                        answers.add(t.answer());
                    }
                    if (t.marker() != null) {
                        ringWaiters.add(t.marker());
                    }
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
            } catch (RuntimeException e) {
                LOG.error("decision ring step failed", e);
            }
        }
    }

    private int ringBacklogSize() {
        return ringBacklog.size(); // read by the gauge without a lock: an estimate
    }

    private void toBacklog(String line) {
        if (ringBacklog.size() >= ringBacklogLimit) {
            ringBacklog.poll();
            droppedRing.increment();
            LOG.error("the decision ring has been unreachable for {} decisions: the oldest is left out of it",
                    ringBacklogLimit);
        }
        ringBacklog.add(line);
    }

    /** Writes the backlog to the ring while the grid takes it; answers whether the backlog is empty. */
    private boolean writeRing() {
        while (!ringBacklog.isEmpty()) {
            if (!health.hasQuorum()) {
                return false;
            }
            List<String> chunk = new ArrayList<>(Math.min(CHUNK, ringBacklog.size()));
            for (String line : ringBacklog) {
                if (chunk.size() == CHUNK) {
                    break;
                }
                chunk.add(line);
            }
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
        LockSupport.unpark(ringThread);
        try {
            ringThread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!ringBacklog.isEmpty()) {
            droppedRing.increment(ringBacklog.size());
            LOG.error("{} decision(s) not in the grid's ring at shutdown (none was given: their answers waited for it)",
                    ringBacklog.size());
        }
        audit.ifPresent(a -> {
            synchronized (a) {
                try {
                    a.close();
                } catch (IOException e) {
                    LOG.warn("audit file not closed cleanly: {}", e.getMessage());
                }
            }
        });
    }
}
