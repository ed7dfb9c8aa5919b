package dev.gcm.bench;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import dev.gcm.demo.DemoFleet;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.planner.Planner;
import dev.gcm.planner.PlannerConfig;
import dev.gcm.planner.grid.HzGrid;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What hosts cost: the size of realistic host records (facilities, host model, 1 to 3 guests) as JSON (what
 * an agent sends) and as the grid stores them (serialized: the JSON deflated, and the report's ordering
 * fields), and the heap of one planner member (grid map + index) holding N of them, measured after full GCs. Run
 * it with the heap the bar names ({@code -Xmx512m}): it fails with OutOfMemoryError if N does not fit.
 *
 * <p>Usage: {@code java -Xmx512m -cp gcm-benchmarks.jar dev.gcm.bench.MemoryFootprint N}; prints one Markdown row.
 */
public final class MemoryFootprint {

    private MemoryFootprint() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int n = Integer.parseInt(args[0]);
        List<HostRecord> prototypes = DemoFleet.records(Catalog.load(), 500, 11);
        int hzPort;
        try (ServerSocket s = new ServerSocket(0)) {
            hzPort = s.getLocalPort();
        }
        Planner planner = Planner.start(PlannerConfig.buildFromMap(Map.of("GCM_HTTP_PORT", "0",
                "GCM_HTTP_HOST", "127.0.0.1", "GCM_HZ_PORT", String.valueOf(hzPort),
                "GCM_CLUSTER_NAME", "mem-" + UUID.randomUUID(), "GCM_INSECURE", "true")), Optional.empty());
        try {
            long before = usedAfterGc();
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + planner.httpPort() + "/api/v1/hosts/");
            Semaphore inFlight = new Semaphore(64);
            AtomicInteger failures = new AtomicInteger();
            long bytes = 0;
            int largest = 0;
            for (int i = 0; i < n; i++) {
                HostRecord p = prototypes.get(i % prototypes.size());
                String id = hostId(i);
                HostRecord r = p.withHostId(id).withReport(UUID.randomUUID().toString(), p.seq(), p.probeTime());
                byte[] json = HostRecordJson.write(r).getBytes(StandardCharsets.UTF_8);
                bytes += json.length;
                largest = Math.max(largest, json.length);
                inFlight.acquire();
                CompletableFuture<HttpResponse<Void>> put = http.sendAsync(HttpRequest.newBuilder(base.resolve(id))
                        .header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(json))
                        .build(), HttpResponse.BodyHandlers.discarding());
                put.whenComplete((resp, e) -> {
                    if (e != null || resp.statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                    inFlight.release();
                });
            }
            inFlight.acquire(64);
            if (failures.get() > 0) {
                throw new IllegalStateException(failures.get() + " records were not stored");
            }
            long after = usedAfterGc();
            double perHundredThousand = (after - before) * 100_000.0 / n / (1 << 20);
            long[] stored = storedSizes(Math.min(n, prototypes.size() * 4));
            System.out.printf("| %,d | %,d | %,d | %.0f MiB | %.0f MiB | %d MiB | %,d | %,d |%n", n, bytes / n, largest,
                    (after - before) / (double) (1 << 20), perHundredThousand,
                    Runtime.getRuntime().maxMemory() >> 20, stored[0], stored[1]);
            if (args.length > 1) { // hold, for a heap histogram: jcmd PID GC.class_histogram
                Thread.sleep(Long.parseLong(args[1]) * 1000);
            }
        } finally {
            planner.close();
        }
    }

    /**
     * The average and largest size in bytes of the first {@code count} hosts' entries as the grid holds them
     * (the value serialized as Hazelcast stores it: the record's JSON deflated, its ordering fields, the
     * serializer's header). Reads the in-process member through Hazelcast's serialization service, an
     * internal interface: a measurement only.
     */
    private static long[] storedSizes(int count) {
        HazelcastInstance hz = Hazelcast.getAllHazelcastInstances().iterator().next();
        SerializationService serialization = ((SerializationServiceSupport) hz).getSerializationService();
        IMap<String, Object> hosts = hz.getMap(HzGrid.HOSTS);
        long total = 0;
        long largest = 0;
        for (int i = 0; i < count; i++) {
            Object value = hosts.get(hostId(i));
            if (value == null) {
                throw new IllegalStateException(hostId(i) + " is not in the grid");
            }
            long size = serialization.toData(value).totalSize();
            total += size;
            largest = Math.max(largest, size);
        }
        return new long[] {total / count, largest};
    }

    private static String hostId(int i) {
        return String.format("host-%07d", i);
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(300);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
