package dev.gcm.demo;

import dev.gcm.cli.online.PlannerClient;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.cli.output.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the simulated hosts to the planner and then re-reports them, as their agents would: the same
 * record with the next {@code seq} and a new probe time, every {@link #every()}. Hosts named stale report
 * once and then fall silent.
 */
final class Heartbeat implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
    private static final Duration LONGEST = Duration.ofSeconds(30);
    private static final Duration SHORTEST = Duration.ofMillis(100);

    private final PlannerClient client;
    private final List<HostRecord> live = new ArrayList<>();
    private final List<HostRecord> silent = new ArrayList<>();
    private final Duration every;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gcm-demo-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private long beat;

    Heartbeat(PlannerClient client, List<HostRecord> fleet, List<String> stale, Duration every) {
        this.client = client;
        Set<String> quiet = Set.copyOf(stale);
        fleet.forEach(r -> (quiet.contains(r.hostId()) ? silent : live).add(r));
        this.every = every.compareTo(LONGEST) > 0 ? LONGEST : every.compareTo(SHORTEST) < 0 ? SHORTEST : every;
    }

    Duration every() {
        return every;
    }

    /** The first report of every host, with its progress. */
    void reportAll(Progress progress) {
        List<HostRecord> all = new ArrayList<>(live);
        all.addAll(silent);
        for (int i = 0; i < all.size(); i++) {
            put(all.get(i));
            progress.at("Loading hosts into the planner", i + 1, all.size(),
                    String.format(Locale.ROOT, "%,d of %,d", i + 1, all.size()));
        }
    }

    void start() {
        timer.scheduleWithFixedDelay(this::beat, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        beat++;
        for (HostRecord r : live) {
            try {
                put(r.withReport(r.bootId(), r.seq() + beat, Instant.now()));
            } catch (RuntimeException e) {
                LOG.warn("heartbeat of {} failed: {}", r.hostId(), e.getMessage());
            }
        }
    }

    private void put(HostRecord r) {
        client.put("/hosts/" + r.hostId(), HostRecordJson.mapper().valueToTree(r));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
