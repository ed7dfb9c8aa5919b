package dev.gcm.bench;

import dev.gcm.demo.DemoFleet;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * From an agent's report to the GCM index of every member: PUT a new host's record to one member (in
 * turn), then ask every member, as fast as loopback allows, until its index holds that report (the index
 * update is what moves the GCM). Reports go one at a time. Prints one Markdown row: the time until the
 * report was in the index of every member, p50 / p99 / max, and the time to the member written to.
 *
 * <p>Usage: {@code PropagationRun URL,URL,URL REPORTS} (insecure planners on loopback).
 */
public final class PropagationRun {

    private PropagationRun() {
    }

    public static void main(String[] args) throws Exception {
        List<URI> members = Arrays.stream(args[0].split(",")).map(URI::create).toList();
        int reports = Integer.parseInt(args[1]);
        // with a tokens file (third argument) every request carries its admin token
        String bearer = BenchAuth.token(Optional.ofNullable(args.length > 2 ? Path.of(args[2]) : null), "admin", null)
                .map(t -> "Bearer " + t).orElse(null);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<HostRecord> prototypes = DemoFleet.records(Catalog.load(), 50, 3);
        ExecutorService pollers = Executors.newFixedThreadPool(members.size());
        double[] everywhere = new double[reports];
        double[] written = new double[reports];
        try {
            for (int i = -20; i < reports; i++) { // the first 20 warm up and are not counted
                HostRecord p = prototypes.get(Math.floorMod(i, prototypes.size()));
                String id = "prop-" + (i + 20);
                HostRecord r = p.withHostId(id).withReport("prop", 1, p.probeTime());
                URI target = members.get(Math.floorMod(i, members.size()));
                long t0 = System.nanoTime();
                HttpResponse<String> put = http.send(authorized(HttpRequest.newBuilder(target.resolve("/api/v1/hosts/" + id)), bearer)
                        .header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                                HostRecordJson.write(r))).build(), HttpResponse.BodyHandlers.ofString());
                if (put.statusCode() != 200) {
                    throw new IllegalStateException("PUT " + id + " answered " + put.statusCode() + ": " + put.body());
                }
                List<CompletableFuture<Long>> seen = new ArrayList<>();
                for (URI m : members) {
                    seen.add(CompletableFuture.supplyAsync(() -> waitFor(http, m, id, bearer), pollers));
                }
                long last = 0;
                long mine = 0;
                for (int k = 0; k < members.size(); k++) {
                    long at = seen.get(k).get();
                    last = Math.max(last, at);
                    if (members.get(k).equals(target)) {
                        mine = at;
                    }
                }
                if (i >= 0) {
                    everywhere[i] = (last - t0) / 1e6;
                    written[i] = (mine - t0) / 1e6;
                }
                Thread.sleep(10);
            }
        } finally {
            pollers.shutdownNow();
        }
        Arrays.sort(everywhere);
        Arrays.sort(written);
        System.out.printf("| %d | %d | %.1f | %.1f | %.1f | %.1f |%n", members.size(), reports, pct(everywhere, 0.5),
                pct(everywhere, 0.99), everywhere[reports - 1], pct(written, 0.5));
    }

    /** The time (System.nanoTime) at which the member first answered the host. */
    private static HttpRequest.Builder authorized(HttpRequest.Builder b, String bearer) {
        return bearer == null ? b : b.header("Authorization", bearer);
    }

    private static long waitFor(HttpClient http, URI member, String id, String bearer) {
        HttpRequest get = authorized(HttpRequest.newBuilder(member.resolve("/api/v1/hosts/" + id)), bearer).build();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(member + " never showed " + id);
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
