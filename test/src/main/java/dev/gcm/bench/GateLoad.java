package dev.gcm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.BodyCodec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load generator for {@code POST /api/v1/migrations/check} on running planners (loopback
 * only), with authentication on as in production: one agent token per host (each host's record is PUT
 * with its own agent's token) and a gate token for the checks. Beside every measurement of the check it
 * measures, with the same generator and the same token, the HTTP floor: {@code GET /api/v1/ping}, an
 * authenticated request that does nothing. It keeps N requests in flight for a fixed time at each
 * concurrency level, split into rounds that alternate the two kinds (each after a stretch of the same
 * load, unreported), and prints a Markdown row per level and kind of the rounds summed: requests/s, p50,
 * p99, p999, errors, and CPU per request.
 *
 * <p>Usage: {@code GateLoad tokens FILE HOSTS} writes a tokens file (an agent token per host
 * {@code host-NNNNNN} and a gate token, fresh random each time); {@code GateLoad URL[,URL...] HOSTS
 * SECONDS CONCURRENCY[,CONCURRENCY...] [TOKENS_FILE]} loads the fleet and measures (without a tokens
 * file: no Authorization header, for insecure members).
 */
public final class GateLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] MODELS = {"z13-base", "z14-base", "gen15a-base", "z14", "gen16a"};
    private static final String[] BODY_HEADS = Arrays.stream(MODELS)
            .map(m -> "{\"guest\": {\"name\": \"g\", \"model\": {\"name\": \"" + m + "\"}}, \"target\": \"")
            .toArray(String[]::new);
    private static String[] HOST_IDS = new String[0];
    /** Unreported load at a level and kind before it is measured. */
    private static final int SETTLE_SECONDS = 5;
    /** Unreported load of a kind before each later stretch of it in a level's rounds. */
    private static final long SWITCH_MILLIS = 1500;

    /** What one run asks: the migration check, or the authenticated empty request it is measured beside. */
    enum Kind { CHECK, FLOOR }

    /** The tokens of a run: one per host, and the gate's; empty in insecure mode. */
    record Tokens(Map<String, String> agents, String gate) {
        String agent(String host) {
            return agents.get(host);
        }
    }

    private GateLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("tokens")) {
            writeTokens(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
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
        Tokens tokens = args.length > 4 ? readTokens(Path.of(args[4])) : new Tokens(Map.of(), null);
        HOST_IDS = java.util.stream.IntStream.range(0, hosts).mapToObj(GateLoad::hostId).toArray(String[]::new);
        Vertx vertx = Vertx.vertx();
        try {
            // idle connections are closed here before the planner would close them (GCM_HTTP_IDLE_TIMEOUT, 10 s)
            WebClient client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setKeepAliveTimeout(5),
                    new io.vertx.core.http.PoolOptions().setHttp1MaxSize(512));
            // -Dgcm.bench.fleetLoaded=true: the members already hold this fleet (a second run against them)
            if (!Boolean.getBoolean("gcm.bench.fleetLoaded")) {
                loadFleet(client, urls.get(0), hosts, tokens);
            }
            awaitIndexes(client, urls, hosts, tokens.gate());
            awaitQuietMembers();
            warmUp(client, urls, hosts, seconds, levels[levels.length - 1], tokens.gate());
            for (int level : levels) {
                measureLevel(client, urls, hosts, seconds, level, tokens.gate());
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    static void writeTokens(Path file, int hosts) throws IOException {
        SecureRandom random = new SecureRandom();
        HexFormat hex = HexFormat.of();
        StringBuilder sb = new StringBuilder("{\"tokens\": [\n");
        for (int i = 0; i < hosts; i++) {
            byte[] secret = new byte[16];
            random.nextBytes(secret);
            sb.append("{\"token\": \"agent-").append(hex.formatHex(secret)).append("\", \"role\": \"agent\", \"host\": \"")
                    .append(hostId(i)).append("\"},\n");
        }
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        sb.append("{\"token\": \"gate-").append(hex.formatHex(secret)).append("\", \"role\": \"gate\"}]}\n");
        Files.writeString(file, sb);
    }

    static Tokens readTokens(Path file) throws IOException {
        Map<String, String> agents = new HashMap<>();
        String gate = null;
        for (JsonNode t : JSON.readTree(file.toFile()).get("tokens")) {
            if (t.path("role").asText().equals("agent")) {
                agents.put(t.path("host").asText(), t.path("token").asText());
            } else if (t.path("role").asText().equals("gate")) {
                gate = t.path("token").asText();
            }
        }
        return new Tokens(agents, gate);
    }

    static String hostId(int i) {
        return String.format("host-%06d", i);
    }

    private static HttpRequest<Buffer> request(WebClient client, URI base, HttpMethod method, String path, String token) {
        HttpRequest<Buffer> r = client.request(method, base.getPort(), base.getHost(), path);
        if (method != HttpMethod.GET) {
            r.putHeader("content-type", "application/json");
        }
        if (token != null) {
            r.putHeader("Authorization", "Bearer " + token);
        }
        return r;
    }

    /** Every host's record, each PUT with its own agent's token (as its agent would). */
    private static void loadFleet(WebClient client, URI base, int n, Tokens tokens) throws Exception {
        Catalog catalog = Catalog.load();
        List<GcmHost> fleet = SimulatedFleet.hosts(catalog, n, SimulatedFleet.Variety.REALISTIC, 7);
        long seq = System.currentTimeMillis();
        List<Future<?>> puts = new ArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        for (GcmHost h : fleet) {
            HostRecord r = new HostRecord(HostRecord.API_VERSION, HostRecord.KIND, h.id(), Map.of(),
                    new HostRecord.Machine(h.model().definition().machineTypeText(), null, null),
                    Expansion.staticForm(catalog, h.model()), null, null, List.of(), Instant.now(), "load", "boot", seq);
            puts.add(request(client, base, HttpMethod.PUT, "/api/v1/hosts/" + h.id(), tokens.agent(h.id()))
                    .sendBuffer(Buffer.buffer(HostRecordJson.write(r))).onSuccess(a -> {
                        if (a.statusCode() != 200) {
                            refused.incrementAndGet();
                        }
                    }));
            if (puts.size() == 64) {
                Future.all(puts).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
                puts.clear();
            }
        }
        Future.all(puts).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " of " + n + " records were refused");
        }
    }

    /**
     * Waits until every member's index holds the whole fleet (members index what the grid replicates to
     * them in the background), so the measurement is of the gate, not of indexes catching up.
     */
    private static void awaitIndexes(WebClient client, List<URI> urls, int n, String token) throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(15);
        for (URI u : urls) {
            while (true) {
                var answer = request(client, u, HttpMethod.GET, "/api/v1/pools", token).send()
                        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
                int held = 0;
                for (JsonNode pool : JSON.readTree(answer.bodyAsString()).path("pools")) {
                    if (pool.path("name").asText().equals("default")) {
                        held = pool.path("hostCount").asInt();
                    }
                }
                if (held >= n) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(u + " indexes " + held + " of " + n + " hosts after 15 minutes");
                }
                Thread.sleep(1000);
            }
        }
        System.err.printf("every member's index held %,d hosts %.1f s after the last PUT%n", n,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * With the members' pids known, waits until they are quiet (under a fifth of a core, together, for three
     * seconds in a row; at most three minutes): after a load of 100,000 records a member spends a while on
     * garbage collection and the grid's housekeeping, and a measurement then would be of that.
     */
    private static void awaitQuietMembers() throws InterruptedException {
        if (cpuTimes().length == 0) {
            return;
        }
        long start = System.nanoTime();
        int quiet = 0;
        while (quiet < 3 && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(3)) {
            long before = cpuTimes()[0];
            Thread.sleep(1000);
            quiet = cpuTimes()[0] - before < 200_000_000L ? quiet + 1 : 0;
        }
        System.err.printf("the members were quiet %.1f s after their indexes were complete%n",
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * Runs unreported load (checks, then the floor) until the members' JIT compilers are done: with the
     * members' pids, until two rounds in a row spent under 2% of the members' CPU in compiler threads (at
     * most three minutes; three members on two cores take far longer than one member to compile the hot
     * paths, and a measurement before that is of the compiler); without pids, one fixed round.
     */
    private static void warmUp(WebClient client, List<URI> urls, int hosts, int seconds, int concurrency, String token)
            throws InterruptedException {
        MemberCpu members = MemberCpu.fromProperty();
        if (!members.known()) {
            run(client, urls, hosts, Math.max(5, seconds / 2) * 1000L, concurrency, token, Kind.CHECK, false);
            run(client, urls, hosts, Math.max(5, seconds / 2) * 1000L, concurrency, token, Kind.FLOOR, false);
            return;
        }
        MemberCpu.Warmed w;
        try {
            w = members.warmUntilCompiled(() -> {
                run(client, urls, hosts, 3000, concurrency, token, Kind.CHECK, false);
                run(client, urls, hosts, 1000, concurrency, token, Kind.FLOOR, false);
            }, MemberCpu.Share.OF_THEIR_CPU, 0.02, Duration.ofMinutes(3));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.err.printf(w.quiet()
                ? "the members' JIT compilers settled after %.0f s of warm-up load (%.1f%% of their CPU in the last"
                        + " round)%n"
                : "the members' JIT compilers were not quiet (under 2%% of their CPU) two rounds in a row after %.0f s of"
                        + " warm-up load (%.1f%% in the last round); measured anyway%n", w.seconds(), 100 * w.lastShare());
    }

    /** One stretch of load of one kind at one level; its measurement, or nothing when it is unreported. */
    private static LoadRound run(WebClient client, List<URI> urls, int hosts, long millis, int concurrency, String token,
                                 Kind kind, boolean report) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        long[] cpu0 = report ? cpuTimes() : new long[0];
        Map<String, Long> threads0 = report ? byThreadGroup() : Map.of();
        for (int w = 0; w < concurrency; w++) {
            latencies[w] = new long[1 << 16];
            loop(new Worker(client, urls, hosts, token, kind, end, w, latencies, counts, errors, done));
        }
        done.await();
        long elapsed = System.nanoTime() - start;
        if (!report) {
            return LoadRound.none();
        }
        long[] cpu1 = cpuTimes();
        Map<String, Long> threads = new HashMap<>();
        byThreadGroup().forEach((group, nanos) -> threads.put(group, nanos - threads0.getOrDefault(group, 0L)));
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(latencies[w], 0, all, k, counts[w]);
            k += counts[w];
        }
        // CPU: the members' (user + system, from /proc) and this generator's; zero without the members' pids
        return new LoadRound(total, elapsed, all, errors.get(), cpu0.length == 0 ? 0 : cpu1[0] - cpu0[0],
                cpu0.length == 0 ? 0 : cpu1[1] - cpu0[1], threads);
    }

    /**
     * A level measured in rounds ({@code -Dgcm.bench.rounds}, 3 by default), each kind once per round, the
     * first kind alternating from round to round, each stretch after a short unreported one of its kind;
     * then a row per kind of the rounds summed, and on stderr the check's cost over the floor's per round.
     */
    private static void measureLevel(WebClient client, List<URI> urls, int hosts, int seconds, int level, String token)
            throws InterruptedException {
        int rounds = Math.max(1, Integer.getInteger("gcm.bench.rounds", 3));
        long millis = Math.max(1000, seconds * 1000L / rounds);
        List<Kind> kinds = kinds();
        Map<Kind, LoadRound> sums = new EnumMap<>(Kind.class);
        List<String> perRound = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Map<Kind, LoadRound> round = new EnumMap<>(Kind.class);
            for (int i = 0; i < kinds.size(); i++) {
                Kind kind = kinds.get((i + r) % kinds.size());
                // unreported first, longer before a level's first stretch (after the warm-up at the highest
                // level, the first level measured at once was the slowest of every run)
                run(client, urls, hosts, r == 0 && i == 0 ? SETTLE_SECONDS * 1000L : SWITCH_MILLIS, level, token, kind,
                        false);
                round.put(kind, run(client, urls, hosts, millis, level, token, kind, true));
            }
            round.forEach((kind, m) -> sums.merge(kind, m, LoadRound::plus));
            ratio(round).ifPresent(perRound::add);
        }
        boolean cpuKnown = MemberCpu.fromProperty().known();
        for (Kind kind : kinds) {
            LoadRound m = sums.get(kind);
            double[] p = m.percentilesMillis(0.50, 0.99, 0.999);
            System.out.printf("| %d | %s | %d | %,.0f | %.2f | %.2f | %.2f | %d | %s | %s |%n", urls.size(),
                    kind == Kind.CHECK ? "check" : "floor", level, m.perSecond(), p[0], p[1], p[2], m.errors(),
                    micros(m.memberMicros(cpuKnown)), micros(m.generatorMicros(cpuKnown)));
            printThreadGroups(m);
        }
        ratio(sums).ifPresent(all -> System.err.printf("%d member(s), %d in flight: check over floor %s; by round: %s%n",
                urls.size(), level, all, String.join("; ", perRound)));
    }

    /** The check's cost over the floor's: by time (floor/s over check/s) and by the members' CPU per request. */
    private static java.util.Optional<String> ratio(Map<Kind, LoadRound> m) {
        LoadRound check = m.get(Kind.CHECK);
        LoadRound floor = m.get(Kind.FLOOR);
        if (check == null || floor == null || check.requests() == 0 || floor.requests() == 0) {
            return java.util.Optional.empty();
        }
        boolean cpuKnown = MemberCpu.fromProperty().known();
        return java.util.Optional.of(String.format("%.2fx by time, %s by member CPU", floor.perSecond() / check.perSecond(),
                cpuKnown ? String.format("%.2fx", check.memberMicros(true) / floor.memberMicros(true)) : "-"));
    }

    private static String micros(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.1f", v);
    }

    /** The kinds of request measured: both, or those {@code -Dgcm.bench.kinds} names (check, floor). */
    private static List<Kind> kinds() {
        String named = System.getProperty("gcm.bench.kinds", "");
        return named.isBlank() ? List.of(Kind.values())
                : Arrays.stream(named.split(",")).map(k -> Kind.valueOf(k.trim().toUpperCase(java.util.Locale.ROOT))).toList();
    }

    /** With {@code -Dgcm.bench.threads=true}: the members' CPU per request by thread group, largest first. */
    private static Map<String, Long> byThreadGroup() {
        MemberCpu members = MemberCpu.fromProperty();
        return members.known() && Boolean.getBoolean("gcm.bench.threads") ? members.byThreadGroup() : Map.of();
    }

    private static void printThreadGroups(LoadRound m) {
        if (m.threadGroupNanos().isEmpty() || m.requests() == 0) {
            return;
        }
        m.threadGroupNanos().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.err.printf("    %8.2f us/request  %s%n", e.getValue() / 1e3 / m.requests(), e.getKey()));
    }

    /** One of the N requests kept in flight, and where it records. */
    private record Worker(WebClient client, List<URI> urls, int hosts, String token, Kind kind, long end, int id,
                          long[][] latencies, int[] counts, AtomicInteger errors, CountDownLatch done) {
    }

    private static void loop(Worker w) {
        if (System.nanoTime() >= w.end()) {
            w.done().countDown();
            return;
        }
        int n = w.counts()[w.id()];
        URI base = w.urls().get((w.id() + n) % w.urls().size());
        long t0 = System.nanoTime();
        // the generator's own work kept small and alike for both kinds: bodies from parts made once, and
        // answers read and dropped (only their status is looked at), as wrk does
        Future<io.vertx.ext.web.client.HttpResponse<Void>> sent;
        if (w.kind() == Kind.CHECK) {
            String body = BODY_HEADS[(w.id() + n) % MODELS.length] + HOST_IDS[(w.id() * 7919 + n) % w.hosts()] + "\"}";
            sent = request(w.client(), base, HttpMethod.POST, "/api/v1/migrations/check", w.token())
                    .as(BodyCodec.none()).sendBuffer(Buffer.buffer(body));
        } else {
            sent = request(w.client(), base, HttpMethod.GET, "/api/v1/ping", w.token()).as(BodyCodec.none()).send();
        }
        sent.onComplete(r -> {
            long took = System.nanoTime() - t0;
            if (r.failed() || r.result().statusCode() != 200) {
                w.errors().incrementAndGet();
            } else {
                int i = w.id();
                if (w.counts()[i] == w.latencies()[i].length) {
                    w.latencies()[i] = Arrays.copyOf(w.latencies()[i], w.latencies()[i].length * 2);
                }
                w.latencies()[i][w.counts()[i]++] = took;
            }
            loop(w);
        });
    }

    /**
     * CPU time so far in ns: of the members whose pids {@code -Dgcm.bench.memberPids} lists ({@link MemberCpu}),
     * and of this process; empty without that property.
     */
    private static long[] cpuTimes() {
        MemberCpu members = MemberCpu.fromProperty();
        if (!members.known()) {
            return new long[0];
        }
        long own = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        return new long[] {members.total(), own};
    }
}
