package dev.gcm.bench;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.planner.index.FleetIndex;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The planner's incremental index at 100,000 hosts: one host's update applied to every pool, then the
 * GCM read off the counters; and the full GCM answer (with limiting hosts) after a change.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 2) // C2 settles after about 10 s at 100,000 hosts; fewer warm-ups measure the compiler
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class IndexBenchmark {

    private static final int HOSTS = 100_000;

    private FleetIndex index;
    private BenchIndex bench;
    private long revision = 1L << 40;
    private int next;

    @Setup
    public void setUp() {
        bench = BenchIndex.of(Catalog.load(), HOSTS);
        index = bench.index;
    }

    /**
     * One host changes its model (a report of new content, its record already read, as the feed reads
     * records ahead of the writer); the index publishes a new snapshot and the pool's GCM reflects it.
     */
    @Benchmark
    public Optional<CpuModel> updateOneHostAndReadGcm() {
        int v = next++ % bench.variants.length;
        String id = String.format("host-%06d", next % HOSTS);
        index.writer().report(BenchIndex.report(id, bench.reports[v], revision++), bench.variants[v]);
        return index.gcmModel("default");
    }

    /** The GCM read off the counters, nothing changed. */
    @Benchmark
    public Optional<CpuModel> readGcm() {
        return index.gcmModel("default");
    }
}
