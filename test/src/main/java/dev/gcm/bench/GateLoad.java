package dev.gcm.bench;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load generator for {@code POST /api/v1/migrations/check} on running planners (loopback
 * only): loads a simulated fleet through the API, then keeps N requests in flight for a fixed time at
 * each concurrency level and prints a Markdown row per level: requests/s, p50, p99, p999, errors.
 *
 * <p>Usage: {@code GateLoad URL[,URL...] HOSTS SECONDS CONCURRENCY[,CONCURRENCY...] [TOKEN]}
 */
public final class GateLoad {

    private GateLoad() {
    }

    public static void main(String[] args) throws Exception {
        List<URI> urls = Arrays.stream(args[0].split(",")).map(URI::create).toList();
        for (URI u : urls) {
            String h = u.getHost();
            if (!(h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]"))) {
                throw new IllegalArgumentException("load runs target loopback only, not " + u);
            }
        }
        int hosts = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int[] levels = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
        String token = args.length > 4 ? args[4] : null;
        Vertx vertx = Vertx.vertx();
        try {
            WebClient client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true),
                    new io.vertx.core.http.PoolOptions().setHttp1MaxSize(512));
            loadFleet(client, urls.get(0), hosts, token);
            // warm up every member's JIT before measuring (not reported)
            run(client, urls, hosts, Math.max(10, seconds), levels[levels.length - 1], token, false);
            for (int level : levels) {
                run(client, urls, hosts, seconds, level, token, true);
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static HttpRequest<Buffer> request(WebClient client, URI base, String method, String path, String token) {
        HttpRequest<Buffer> r = method.equals("PUT") ? client.put(base.getPort(), base.getHost(), path)
                : client.post(base.getPort(), base.getHost(), path);
        r.putHeader("content-type", "application/json");
        if (token != null) {
            r.putHeader("Authorization", "Bearer " + token);
        }
        return r;
    }

    private static void loadFleet(WebClient client, URI base, int n, String token) throws Exception {
        Catalog catalog = Catalog.load();
        List<GcmHost> fleet = SimulatedFleet.hosts(catalog, n, SimulatedFleet.Variety.REALISTIC, 7);
        long seq = System.currentTimeMillis();
        List<Future<?>> puts = new ArrayList<>();
        for (GcmHost h : fleet) {
            HostRecord r = new HostRecord(HostRecord.API_VERSION, HostRecord.KIND, h.id(), Map.of(),
                    new HostRecord.Machine(h.model().definition().machineTypeText(), null, null),
                    Expansion.staticForm(catalog, h.model()), null, null, List.of(), Instant.now(), "load", "boot", seq);
            puts.add(request(client, base, "PUT", "/api/v1/hosts/" + h.id(), token)
                    .sendBuffer(Buffer.buffer(HostRecordJson.write(r))));
            if (puts.size() == 64) {
                Future.all(puts).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
                puts.clear();
            }
        }
        Future.all(puts).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static void run(WebClient client, List<URI> urls, int hosts, int seconds, int concurrency, String token,
                            boolean report) throws InterruptedException {
        String[] models = {"z13-base", "z14-base", "gen15a-base", "z14", "gen16a"};
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            latencies[w] = new long[1 << 16];
            loop(client, urls, hosts, models, token, end, worker, latencies, counts, errors, done);
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(latencies[w], 0, all, k, counts[w]);
            k += counts[w];
        }
        Arrays.sort(all);
        if (!report) {
            return;
        }
        System.out.printf("| %d | %d | %,.0f | %.2f | %.2f | %.2f | %d |%n", urls.size(), concurrency, total / elapsed,
                pct(all, 0.50), pct(all, 0.99), pct(all, 0.999), errors.get());
    }

    private static void loop(WebClient client, List<URI> urls, int hosts, String[] models, String token, long end,
                             int worker, long[][] latencies, int[] counts, AtomicInteger errors, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        int n = counts[worker];
        URI base = urls.get((worker + n) % urls.size());
        String body = "{\"guest\": {\"name\": \"g\", \"model\": {\"name\": \"" + models[(worker + n) % models.length]
                + "\"}}, \"target\": \"" + String.format("host-%06d", (worker * 7919 + n) % hosts) + "\"}";
        long t0 = System.nanoTime();
        request(client, base, "POST", "/api/v1/migrations/check", token).sendBuffer(Buffer.buffer(body))
                .onComplete(r -> {
                    long took = System.nanoTime() - t0;
                    if (r.failed() || r.result().statusCode() != 200) {
                        errors.incrementAndGet();
                    } else {
                        if (counts[worker] == latencies[worker].length) {
                            latencies[worker] = Arrays.copyOf(latencies[worker], latencies[worker].length * 2);
                        }
                        latencies[worker][counts[worker]++] = took;
                    }
                    loop(client, urls, hosts, models, token, end, worker, latencies, counts, errors, done);
                });
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
