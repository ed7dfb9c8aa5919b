package dev.gcm.bench;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.gcm.GcmResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The n-way GCM from scratch: every host's features intersected, model search, masking. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class GcmBenchmark {

    @Param({"10", "1000", "100000", "1000000"})
    public int hosts;

    @Param({"REALISTIC", "DISTINCT"})
    public SimulatedFleet.Variety variety;

    private Catalog catalog;
    private List<GcmHost> fleet;

    @Setup
    public void setUp() {
        catalog = Catalog.load();
        fleet = SimulatedFleet.hosts(catalog, hosts, variety, 42);
    }

    @Benchmark
    public GcmResult gcmFromScratch() {
        return Gcm.compute(catalog, fleet);
    }
}
