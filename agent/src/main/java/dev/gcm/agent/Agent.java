package dev.gcm.agent;

import dev.gcm.hypervisor.probe.HypervisorProbe;
import dev.gcm.hypervisor.probe.ProbeException;
import dev.gcm.hypervisor.record.HostCapabilities;
import dev.gcm.hypervisor.record.HostRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this host's record in the planner current: probes at start, again on every probe interval and
 * whenever the hypervisor changes; publishes when the record changed and heartbeats in between. Every
 * report carries this start's {@code bootId} and a {@code seq} that only grows (it starts at the boot's
 * wall-clock microseconds), so a late or replayed report never overwrites a newer one. Failed probes and
 * an unreachable planner are retried with a growing, jittered wait up to {@code GCM_BACKOFF_MAX}; a
 * refusal (4xx) is logged once per distinct answer and tried again only at that cap or when the record
 * or the token changed.
 */
public final class Agent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    public static final String LEAVING_LABEL = "gcm.dev/leaving";
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    /** A refusal and what it was the answer to; it stands until one of those changes or the cap passes. */
    private record Refusal(String answer, HostCapabilities capabilities, Optional<String> token) {
    }

    private final AgentConfig config;
    private final HypervisorProbe probe;
    private final Publisher publisher;
    private final Supplier<String> fingerprint;
    private final LongSupplier clock;
    private final String bootId = UUID.randomUUID().toString();
    private final AtomicLong seq = new AtomicLong(System.currentTimeMillis() * 1000);
    private final AtomicReference<HostRecord> published = new AtomicReference<>();
    private final AtomicLong lastSuccessMillis = new AtomicLong();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "gcm-agent"));
    private final MeterRegistry metrics;
    private final Map<String, Counter> counters = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean nudged = new java.util.concurrent.atomic.AtomicBoolean();
    private final Backoff probeBackoff;
    private final Backoff publishBackoff;
    private volatile String problem = "";
    private volatile HostCapabilities capabilities;
    private String lastFingerprint;
    private long lastProbeMillis;
    private boolean probePending = true;
    private String probeReason = "start";
    private Refusal refusal;

    Agent(AgentConfig config, HypervisorProbe probe, Publisher publisher, Supplier<String> fingerprint,
          MeterRegistry metrics) {
        this(config, probe, publisher, fingerprint, metrics, System::currentTimeMillis, new Random());
    }

    /** @param clock milliseconds; tests drive the agent's ticks with their own clock and a seeded random */
    Agent(AgentConfig config, HypervisorProbe probe, Publisher publisher, Supplier<String> fingerprint,
          MeterRegistry metrics, LongSupplier clock, Random random) {
        this.config = config;
        this.probe = probe;
        this.publisher = publisher;
        this.fingerprint = fingerprint;
        this.metrics = metrics;
        this.clock = clock;
        Duration max = config.backoffMax().compareTo(FIRST_RETRY) < 0 ? FIRST_RETRY : config.backoffMax();
        this.probeBackoff = new Backoff(FIRST_RETRY, max, random);
        this.publishBackoff = new Backoff(FIRST_RETRY, max, random);
        Gauge.builder("gcm.agent.last.publish.age", lastSuccessMillis,
                t -> t.get() == 0 ? Double.NaN : (clock.getAsLong() - t.get()) / 1000.0)
                .baseUnit("seconds").register(metrics);
        Gauge.builder("gcm.agent.seq", seq, AtomicLong::get).register(metrics);
    }

    public void start() {
        loop.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    /**
     * Probe and publish at once (the hypervisor announced a change), on the agent's own thread; a burst of
     * announcements (a migration sends several events) makes one extra tick, not one each.
     */
    public void nudge() {
        if (!loop.isShutdown() && nudged.compareAndSet(false, true)) {
            try {
                loop.execute(() -> {
                    nudged.set(false);
                    tick();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                nudged.set(false);
            }
        }
    }

    /** One step: probe if due or changed, publish if changed or a heartbeat is due, each unless backing off. */
    void tick() {
        try {
            long now = clock.getAsLong();
            String fp = fingerprint.get();
            if (lastFingerprint != null && !fp.equals(lastFingerprint)) {
                probePending = true;
                probeReason = "the hypervisor changed";
                probeBackoff.succeeded();
            }
            lastFingerprint = fp;
            if (capabilities != null && now - lastProbeMillis >= config.probeInterval().toMillis() && !probePending) {
                probePending = true;
                probeReason = "interval";
            }
            if (probePending && probeBackoff.ready(now)) {
                probeNow(now);
            }
            if (capabilities != null && publishDue(now)) {
                publish(config.labels(), now);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("agent step failed", e);
        }
    }

    private void probeNow(long now) {
        try {
            capabilities = probe.probe();
            lastProbeMillis = now;
            probePending = false;
            probeBackoff.succeeded();
            count("gcm.agent.probes", "result", "ok");
            LOG.info("probed ({}): {} {}, {} guest(s)", probeReason, capabilities.machine().machineType(),
                    capabilities.hostModel().name(), capabilities.guests().size());
        } catch (ProbeException e) {
            count("gcm.agent.probes", "result", "failed");
            Duration wait = probeBackoff.failed(now);
            problem = "probe: " + e.getMessage();
            LOG.error("probe failed ({}): {}; next try in {} s", probeReason, e.getMessage(), wait.toSeconds());
        }
    }

    private boolean publishDue(long now) {
        HostRecord last = published.get();
        boolean recordChanged = last == null || !capabilities.equals(capabilitiesOf(last));
        boolean heartbeatDue = now - lastSuccessMillis.get() >= config.heartbeatInterval().toMillis();
        if (!recordChanged && !heartbeatDue) {
            return false;
        }
        if (refusal != null && (!refusal.capabilities().equals(capabilities)
                || !refusal.token().equals(publisher.token()))) {
            LOG.info("the {} changed since the planner refused it: publishing again",
                    refusal.capabilities().equals(capabilities) ? "token" : "record");
            refusal = null;
            return true;
        }
        return publishBackoff.ready(now);
    }

    private void publish(Map<String, String> labels, long now) throws InterruptedException {
        publish(labels, now, true);
    }

    /** Publishes the current record; on a 409 before anything of this boot was accepted, continues once from the planner's seq. */
    private void publish(Map<String, String> labels, long now, boolean mayContinue) throws InterruptedException {
        HostRecord record = capabilities.toRecord(config.hostId(), labels, version(), bootId, seq.incrementAndGet(),
                Instant.now());
        Publisher.Result r = publisher.publish(record);
        count("gcm.agent.publish", "outcome", r.outcome().name().toLowerCase());
        switch (r.outcome()) {
            case STORED -> stored(record);
            case STALE -> {
                if (mayContinue && published.get() == null && r.lastAcceptedSeq() >= record.seq()) {
                    // nothing of this boot accepted yet: the clock went back since the last boot; continue from
                    // the planner's seq (one round trip), rather than be refused until the clock catches up
                    LOG.warn("the planner holds seq {} for {}, above this boot's {} (the clock went back?); continuing"
                            + " from it", r.lastAcceptedSeq(), config.hostId(), record.seq());
                    seq.accumulateAndGet(r.lastAcceptedSeq(), Math::max);
                    publish(labels, now, false);
                } else {
                    refused("the planner holds a newer report for " + config.hostId()
                            + " (another agent for this host?): " + r.message(), now);
                }
            }
            case REFUSED -> refused("the planner refused the record of " + config.hostId() + "; fix the cause: "
                    + r.message(), now);
            case UNREACHABLE -> {
                Duration wait = publishBackoff.failed(now);
                problem = "publish: no planner reachable (" + r.message() + ")";
                LOG.warn("no planner reachable ({}); next try in {} s with the newest record", r.message(),
                        wait.toSeconds());
            }
        }
    }

    private void stored(HostRecord record) {
        if (publishBackoff.failures() > 0) {
            LOG.info("published again after {} failed attempt(s)", publishBackoff.failures());
        }
        published.set(record);
        lastSuccessMillis.set(clock.getAsLong());
        publishBackoff.succeeded();
        refusal = null;
        problem = "";
    }

    private void refused(String answer, long now) {
        Duration wait = publishBackoff.waitForCap(now);
        if (refusal == null || !refusal.answer().equals(answer)) {
            LOG.error("{} (next try in {} s, or at once when the record or token changes)", answer, wait.toSeconds());
        }
        refusal = new Refusal(answer, capabilities, publisher.token());
        problem = "publish: " + answer;
    }

    private static HostCapabilities capabilitiesOf(HostRecord r) {
        return new HostCapabilities(r.machine(), r.hostModel(), r.facilities(), r.hypervisor(), r.guests());
    }

    private void count(String name, String tag, String value) {
        counters.computeIfAbsent(name + tag + value, k -> Counter.builder(name).tag(tag, value).register(metrics))
                .increment();
    }

    /** The last record the planner accepted. */
    public Optional<HostRecord> lastPublished() {
        return Optional.ofNullable(published.get());
    }

    /** The capabilities of the last successful probe. */
    public Optional<HostCapabilities> lastProbed() {
        return Optional.ofNullable(capabilities);
    }

    /** Ready when the last publication succeeded within three heartbeats. */
    public boolean ready() {
        long last = lastSuccessMillis.get();
        return last > 0 && clock.getAsLong() - last <= 3 * config.heartbeatInterval().toMillis();
    }

    /** What failed last (a probe or a publication), empty once things work again. */
    public String problem() {
        return problem;
    }

    public String bootId() {
        return bootId;
    }

    public String hostId() {
        return config.hostId();
    }

    private static String version() {
        String v = Agent.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Stops the loop and sends a last heartbeat marked as leaving; the record is not deleted. */
    @Override
    public void close() {
        loop.shutdown();
        try {
            loop.awaitTermination(30, TimeUnit.SECONDS);
            if (capabilities != null) {
                Map<String, String> labels = new HashMap<>(config.labels());
                labels.put(LEAVING_LABEL, "true");
                publish(labels, clock.getAsLong());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
