package dev.gcm.planner.cluster;

import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.JarProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Reports and gate checks streaming through some members while a test hurts the cluster: what was
 * acknowledged, what each answer was, how long the slowest write took.
 */
final class Load implements AutoCloseable {

    /** The highest seq acknowledged per host. */
    final Map<String, Long> acked = new ConcurrentHashMap<>();
    /** Answers by status (and 503 code). */
    final Map<String, AtomicInteger> writeAnswers = new ConcurrentHashMap<>();
    final AtomicInteger approvals = new AtomicInteger();
    final AtomicLong slowestWriteMillis = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    /** Writes reports of {@code hosts} hosts and asks the gate about host-1, through the members given. */
    Load(Supplier<List<JarProcess>> through, int hosts, long firstSeq) {
        threads.add(new Thread(() -> {
            long seq = firstSeq;
            int n = 0;
            while (running.get()) {
                for (int i = 0; i < hosts && running.get(); i++) {
                    List<JarProcess> ms = through.get();
                    write(ms.get(n++ % ms.size()), i, seq);
                }
                seq++;
            }
        }, "load-writer"));
        threads.add(new Thread(() -> {
            int n = 0;
            while (running.get()) {
                List<JarProcess> ms = through.get();
                Http.Answer a = ms.get(n++ % ms.size()).http.post("/api/v1/migrations/check", MemberJvms.GATE,
                        MemberJvms.check("host-1"));
                if (a.status() == 200 && a.body().contains("\"approved\"")) {
                    approvals.incrementAndGet();
                }
            }
        }, "load-gate"));
        threads.forEach(Thread::start);
    }

    private void write(JarProcess m, int i, long seq) {
        long start = System.nanoTime();
        Http.Answer a = m.http.put("/api/v1/hosts/host-" + i, MemberJvms.ADMIN, Fleet.json(MemberJvms.host(i, seq)));
        slowestWriteMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
        String key = a.status() == 503 ? "503 " + a.json().path("code").asText() : String.valueOf(a.status());
        writeAnswers.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (a.status() == 200) {
            acked.merge("host-" + i, seq, Math::max);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
    }
}
