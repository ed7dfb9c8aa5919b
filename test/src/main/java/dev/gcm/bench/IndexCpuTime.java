package dev.gcm.bench;

import dev.gcm.facilitydb.catalog.Catalog;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@link IndexBenchmark}'s two operations timed by the thread's CPU time instead of the wall clock: on a
 * machine shared with other busy processes, wall-clock averages include the time the thread waited for a
 * core, CPU time does not. Prints microseconds per operation, best of five rounds after a warm-up.
 * {@code java -cp gcm-benchmarks.jar dev.gcm.bench.IndexCpuTime}
 */
public final class IndexCpuTime {

    private static final int OPS = 200_000;

    private IndexCpuTime() {
    }

    public static void main(String[] args) {
        IndexBenchmark b = new IndexBenchmark();
        b.setUp();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double update = Double.MAX_VALUE;
        double read = Double.MAX_VALUE;
        for (int round = 0; round < 8; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < OPS; i++) {
                b.updateOneHostAndReadGcm();
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < OPS; i++) {
                b.readGcm();
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            if (round >= 3) {
                update = Math.min(update, (t1 - t0) / 1000.0 / OPS);
                read = Math.min(read, (t2 - t1) / 1000.0 / OPS);
            }
        }
        System.out.printf("updateOneHostAndReadGcm %.3f us/op (CPU time)%nreadGcm %.3f us/op (CPU time)%n", update, read);
    }
}
