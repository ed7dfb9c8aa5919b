package dev.gcm.planner.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.planner.PlannerConfig;
import dev.gcm.planner.support.TestPlanner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Grid calls on a real member: how their completions run. */
class GridCallsIT {

    /**
     * Hazelcast runs a completion on its default executor unless told otherwise, and in a JVM given two
     * processors or fewer that executor starts a thread per completion. The grid's calls complete where
     * Hazelcast completes them instead.
     */
    @Test
    void aCallCompletesWithoutStartingAThread() throws Exception {
        PlannerConfig config = PlannerConfig.buildFromMap(Map.of("GCM_HZ_PORT", String.valueOf(TestPlanner.freePort()),
                "GCM_CLUSTER_NAME", "calls-" + UUID.randomUUID()));
        try (HzGrid grid = HzGrid.start(config, Optional.empty())) {
            HzDecisionLog ring = new HzDecisionLog(grid, java.util.Optional.empty());
            ring.append(List.of("warm")).get(5, TimeUnit.SECONDS);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Set<String> completedOn = new HashSet<>();
            long startedBefore = threads.getTotalStartedThreadCount();
            for (int i = 0; i < 200; i++) {
                ring.append(List.of("decision " + i)).thenRun(() -> {
                    synchronized (completedOn) {
                        completedOn.add(Thread.currentThread().getName().replaceAll("\\d+", "#"));
                    }
                }).get(5, TimeUnit.SECONDS);
            }
            long started = threads.getTotalStartedThreadCount() - startedBefore;
            assertThat(started).as("threads started during 200 calls (completed on %s)", completedOn).isLessThan(20);
            assertThat(ring.latest(3)).containsExactly("decision 197", "decision 198", "decision 199");
        }
    }
}
