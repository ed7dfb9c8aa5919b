package dev.gcm.planner;

import dev.gcm.planner.grid.HzGrid;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.IndexFeed;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** The member's gauges (Prometheus names: {@code gcm_} prefix, base units). */
final class PlannerMetrics {

    private PlannerMetrics() {
    }

    static void register(MeterRegistry m, FleetIndex index, IndexFeed feed, HzGrid grid) {
        Gauge.builder("gcm.hosts", index, i -> i.snapshot().hostCount()).description("hosts known to this member")
                .register(m);
        Gauge.builder("gcm.hosts.stale", index, i -> i.hosts().stream().filter(h -> i.stale(h.heard())).count())
                .register(m);
        Gauge.builder("gcm.record.age.max", index, i -> i.hosts().stream()
                        .mapToLong(h -> h.heard().get().map(l -> i.now() - l.receivedAtMillis()).orElse(0L))
                        .max().orElse(0) / 1000.0)
                .baseUnit("seconds").register(m);
        Gauge.builder("gcm.index.version", index, FleetIndex::version).register(m);
        Gauge.builder("gcm.index.backlog", feed, IndexFeed::backlog).description("grid events waiting for the index")
                .register(m);
        Gauge.builder("gcm.cluster.members", grid, HzGrid::memberCount).register(m);
        Gauge.builder("gcm.quorum", grid, g -> g.hasQuorum() ? 1 : 0).register(m);
        Gauge.builder("gcm.unverified.members", grid, HzGrid::unverifiedMembers)
                .description("members that cannot prove the cluster secret").register(m);
        Timer updates = Timer.builder("gcm.index.update").description("time to apply one host to the index").register(m);
        index.observeUpdates(nanos -> updates.record(nanos, TimeUnit.NANOSECONDS));
    }
}
