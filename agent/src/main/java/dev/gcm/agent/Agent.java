package dev.gcm.agent;

import dev.gcm.hypervisor.probe.HypervisorProbe;
import dev.gcm.hypervisor.probe.ProbeException;
import dev.gcm.hypervisor.record.HostCapabilities;
import dev.gcm.hypervisor.record.HostRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this host's record in the planner current: probes at start, again on every probe interval and
 * whenever the hypervisor changes; publishes when the record changed and heartbeats in between. Every
 * report carries this start's {@code bootId} and a {@code seq} that only grows (it starts at the boot's
 * wall-clock microseconds), so a late or replayed report never overwrites a newer one.
 */
public final class Agent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    public static final String LEAVING_LABEL = "gcm.dev/leaving";

    private final AgentConfig config;
    private final HypervisorProbe probe;
    private final Publisher publisher;
    private final Supplier<String> fingerprint;
    private final String bootId = UUID.randomUUID().toString();
    private final AtomicLong seq = new AtomicLong(System.currentTimeMillis() * 1000);
    private final AtomicReference<HostRecord> published = new AtomicReference<>();
    private final AtomicLong lastSuccessMillis = new AtomicLong();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "gcm-agent"));
    private final MeterRegistry metrics;
    private final Map<String, Counter> counters = new HashMap<>();
    private HostCapabilities capabilities;
    private String lastFingerprint;
    private long lastProbeMillis;

    Agent(AgentConfig config, HypervisorProbe probe, Publisher publisher, Supplier<String> fingerprint,
          MeterRegistry metrics) {
        this.config = config;
        this.probe = probe;
        this.publisher = publisher;
        this.fingerprint = fingerprint;
        this.metrics = metrics;
        Gauge.builder("gcm.agent.last.publish.age", lastSuccessMillis,
                t -> t.get() == 0 ? Double.NaN : (System.currentTimeMillis() - t.get()) / 1000.0)
                .baseUnit("seconds").register(metrics);
        Gauge.builder("gcm.agent.seq", seq, AtomicLong::get).register(metrics);
    }

    public void start() {
        loop.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    /** One step: probe if due or changed, publish if changed or a heartbeat is due. */
    void tick() {
        try {
            long now = System.currentTimeMillis();
            String fp = fingerprint.get();
            boolean changed = lastFingerprint != null && !fp.equals(lastFingerprint);
            if (capabilities == null || changed || now - lastProbeMillis >= config.probeInterval().toMillis()) {
                probeNow(changed ? "the hypervisor changed" : capabilities == null ? "start" : "interval");
                lastFingerprint = fp;
            }
            HostRecord last = published.get();
            boolean recordChanged = capabilities != null && (last == null || !capabilities.equals(capabilitiesOf(last)));
            boolean heartbeatDue = now - lastSuccessMillis.get() >= config.heartbeatInterval().toMillis();
            if (capabilities != null && (recordChanged || heartbeatDue)) {
                publish(config.labels(), 5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("agent step failed", e);
        }
    }

    private void probeNow(String why) {
        try {
            capabilities = probe.probe();
            lastProbeMillis = System.currentTimeMillis();
            count("gcm.agent.probes", "result", "ok");
            LOG.info("probed ({}): {} {}", why, capabilities.machine().machineType(), capabilities.hostModel().name());
        } catch (ProbeException e) {
            count("gcm.agent.probes", "result", "failed");
            LOG.error("probe failed ({}): {}", why, e.getMessage());
        }
    }

    private void publish(Map<String, String> labels, int attempts) throws InterruptedException {
        publish(labels, attempts, true);
    }

    /** Publishes the current record; on a 409 before anything of this boot was accepted, continues once from the planner's seq. */
    private void publish(Map<String, String> labels, int attempts, boolean mayContinue) throws InterruptedException {
        HostRecord record = capabilities.toRecord(config.hostId(), labels, version(), bootId, seq.incrementAndGet(),
                Instant.now());
        Publisher.Result r = publisher.publish(record, attempts);
        count("gcm.agent.publish", "outcome", r.outcome().name().toLowerCase());
        switch (r.outcome()) {
            case STORED -> {
                published.set(record);
                lastSuccessMillis.set(System.currentTimeMillis());
            }
            case STALE -> {
                if (mayContinue && published.get() == null && r.lastAcceptedSeq() >= record.seq()) {
                    // nothing of this boot accepted yet: the clock went back since the last boot; continue from
                    // the planner's seq (one round trip), rather than be refused until the clock catches up
                    LOG.warn("the planner holds seq {} for {}, above this boot's {} (the clock went back?); continuing"
                            + " from it", r.lastAcceptedSeq(), config.hostId(), record.seq());
                    seq.accumulateAndGet(r.lastAcceptedSeq(), Math::max);
                    publish(labels, attempts, false);
                } else {
                    LOG.warn("the planner holds a newer report for {} (another agent for this host?): {}",
                            config.hostId(), r.message());
                }
            }
            case REFUSED -> LOG.error("the planner refused the record of {}; fix the cause: {}", config.hostId(),
                    r.message());
            case UNREACHABLE -> LOG.warn("no planner reachable ({}); the newest record goes out next time", r.message());
        }
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

    /** Ready when the last publication succeeded within three heartbeats. */
    public boolean ready() {
        long last = lastSuccessMillis.get();
        return last > 0 && System.currentTimeMillis() - last <= 3 * config.heartbeatInterval().toMillis();
    }

    public String bootId() {
        return bootId;
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
                publish(labels, 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
