package dev.gcm.bench;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.planner.grid.StoredHost;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.IndexedHost;
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
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class IndexBenchmark {

    private static final int HOSTS = 100_000;

    private FleetIndex index;
    private IndexedHost[] variants;
    private long seq = 1;
    private int next;

    @Setup
    public void setUp() {
        BenchIndex b = BenchIndex.of(Catalog.load(), HOSTS);
        index = b.index;
        variants = b.variants;
    }

    /** One host changes its model; the pool's GCM reflects it. */
    @Benchmark
    public Optional<CpuModel> updateOneHostAndReadGcm() {
        IndexedHost v = variants[next++ % variants.length];
        String id = String.format("host-%06d", next % HOSTS);
        index.apply(new IndexedHost(id, v.resolved(), new StoredHost("", "b", seq++, 0, false), v.softFeatures()));
        return index.gcmModel("default");
    }

    /** The GCM read off the counters, nothing changed. */
    @Benchmark
    public Optional<CpuModel> readGcm() {
        return index.gcmModel("default");
    }
}
