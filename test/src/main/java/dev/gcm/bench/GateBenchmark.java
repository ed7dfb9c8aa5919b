package dev.gcm.bench;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.planner.gate.GateOptions;
import dev.gcm.planner.gate.MigrationGate;
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

/** One gate decision in-process (what {@code POST /migrations/check} does after parsing): 1,000 hosts indexed. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class GateBenchmark {

    private static final int HOSTS = 1000;

    private MigrationGate gate;
    private CpuModel[] guests;
    private String[] targets;
    private int next;

    @Setup
    public void setUp() {
        Catalog catalog = Catalog.load();
        gate = new MigrationGate(BenchIndex.of(catalog, HOSTS).index, BenchIndex.HEALTHY);
        ModelResolver resolver = new ModelResolver(catalog);
        String[] names = {"z13-base", "z14-base", "gen15a-base", "z14", "gen16a"};
        targets = new String[HOSTS];
        for (int i = 0; i < HOSTS; i++) {
            targets[i] = String.format("host-%06d", i);
        }
        guests = new CpuModel[names.length];
        for (int i = 0; i < names.length; i++) {
            guests[i] = resolver.resolve(CpuModelInfo.named(names[i]));
        }
    }

    @Benchmark
    public MigrationGate.Verdict check() {
        int n = next++;
        return gate.check(targets[Math.floorMod(n * 7919, HOSTS)], guests[n % guests.length], GateOptions.NONE);
    }
}
