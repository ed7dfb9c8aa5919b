package dev.gcm.planner.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.JarProcess;
import dev.gcm.planner.support.TestPlanner;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's out-of-memory defect: 300 connections at once each uploading 1 MiB without a token (300
 * MiB in flight, more than the member's whole heap of 256 MiB), in {@value #WAVES} waves, while
 * {@code /livez} is polled. The member, in a JVM of its own that exits on OutOfMemoryError, answers
 * every poll within 1 s, refuses every upload, stays alive and keeps its heap small: no upload is ever
 * buffered.
 */
class UploadFloodIT {

    static final int UPLOADS = 300;
    static final int MIB = 1 << 20;
    static final int WAVES = 5;
    static final byte[] BODY = new byte[MIB];

    static {
        java.util.Arrays.fill(BODY, (byte) 'a');
    }

    @Test
    void threeHundredUnauthenticatedOneMibUploadsNeitherWedgeNorFillTheMember(@TempDir Path dir) throws Exception {
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, "{\"tokens\": [{\"token\": \"reader-token-0123456789\", \"role\": \"reader\"}]}");
        int port = TestPlanner.freePort();
        try (JarProcess member = JarProcess.start(Path.of("target", "gcm-planner.jar"), dir.resolve("member.log"), port,
                Map.of("GCM_HTTP_PORT", String.valueOf(port), "GCM_HTTP_HOST", "127.0.0.1",
                        "GCM_HZ_PORT", String.valueOf(TestPlanner.freePort()), "GCM_CLUSTER_NAME", "flood-" + UUID.randomUUID(),
                        "GCM_TOKENS_FILE", tokens.toString()),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError")) {
            await().atMost(Duration.ofSeconds(90)).until(member::ready);
            ExecutorService uploaders = Executors.newFixedThreadPool(UPLOADS);
            Map<String, Integer> outcomes = new ConcurrentHashMap<>();
            CountDownLatch done = new CountDownLatch(UPLOADS);
            CyclicBarrier wave = new CyclicBarrier(UPLOADS);
            for (int i = 0; i < UPLOADS; i++) {
                int n = i;
                uploaders.submit(() -> {
                    try {
                        for (int w = 0; w < WAVES; w++) {
                            wave.await(60, TimeUnit.SECONDS);
                            outcomes.merge(upload(port, n), 1, Integer::sum);
                        }
                    } catch (Exception e) {
                        outcomes.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                    done.countDown();
                });
            }
            List<Long> polls = new ArrayList<>();
            while (done.getCount() > 0) {
                long t0 = System.nanoTime();
                Http.Answer livez = member.get("/livez", null);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(livez.status()).as("/livez during the flood").isEqualTo(200);
                assertThat(ms).as("/livez during the flood, ms").isLessThan(1000);
                polls.add(ms);
                Thread.sleep(50);
            }
            uploaders.shutdown();
            assertThat(uploaders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            System.out.printf("flood: outcomes %s, %d /livez polls, slowest %d ms, heap after %.0f MiB%n", outcomes,
                    polls.size(), polls.stream().mapToLong(Long::longValue).max().orElse(0), heapUsedMiB(member));
            assertThat(polls.size()).as("polls during the flood").isGreaterThan(3);
            assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(UPLOADS * WAVES);
            assertThat(outcomes).doesNotContainKey("200").doesNotContainKey("413");
            assertThat(member.alive()).isTrue();
            assertThat(member.get("/api/v1/pools", "reader-token-0123456789").status()).isEqualTo(200);
            assertThat(heapUsedMiB(member)).as("heap used after the flood, MiB").isLessThan(160);
        }
    }

    /** One upload without a token: the status answered, or how the connection ended. */
    private static String upload(int port, int n) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("PUT /api/v1/hosts/h" + n + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + MIB + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(BODY);
                out.flush();
            } catch (IOException closedWhileSending) {
                // the member answered from the head and closed: what is left is never read
            }
            byte[] head = s.getInputStream().readNBytes(12);
            return head.length == 12 ? new String(head, StandardCharsets.ISO_8859_1).substring(9, 12) : "closed";
        } catch (IOException e) {
            return "reset";
        }
    }

    private static double heapUsedMiB(JarProcess member) {
        double bytes = 0;
        for (String line : member.get("/metrics", null).body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        assertThat(bytes).as("the member reports its heap").isPositive();
        return bytes / MIB;
    }
}
