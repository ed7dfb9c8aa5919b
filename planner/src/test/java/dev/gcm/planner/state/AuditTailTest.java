package dev.gcm.planner.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newest entries read back from the end of the audit files, against the files read whole. */
class AuditTailTest {

    @Test
    void theNewestLinesAreTheLastOfTheKeptFilesInOrder(@TempDir Path root) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            Path dir = Files.createDirectories(root.resolve("r" + round));
            long maxBytes = 2_000 + random.nextInt(400_000);
            int maxFiles = 1 + random.nextInt(4);
            try (AuditLog log = new AuditLog(dir, maxBytes, maxFiles)) {
                int batches = 1 + random.nextInt(60);
                for (int b = 0; b < batches; b++) {
                    List<String> batch = new ArrayList<>();
                    for (int i = random.nextInt(30); i > 0; i--) {
                        batch.add(line(random, round, b, i));
                    }
                    log.append(AuditLog.encode(batch));
                }
                List<String> whole = wholeFiles(dir, maxFiles);
                for (int limit : new int[] {1, 1 + random.nextInt(50), 1 + random.nextInt(2000), 100_000}) {
                    List<String> expected = whole.subList(Math.max(0, whole.size() - limit), whole.size());
                    assertThat(log.newest(limit)).as("seed %d, round %d, limit %d", seed, round, limit)
                            .containsExactlyElementsOf(expected);
                }
            }
        }
    }

    @Test
    void aLineStillBeingWrittenIsNotRead(@TempDir Path dir) throws Exception {
        try (AuditLog log = new AuditLog(dir, 1 << 20, 2)) {
            log.append(AuditLog.encode(List.of("{\"n\": 1}", "{\"n\": 2}")));
            Files.writeString(dir.resolve(AuditLog.FILE), "{\"n\": 3, \"half", StandardOpenOption.APPEND);
            assertThat(log.newest(10)).containsExactly("{\"n\": 1}", "{\"n\": 2}");
        }
    }

    @Test
    void noFilesNoLines(@TempDir Path dir) throws Exception {
        try (AuditLog log = new AuditLog(dir, 1 << 20, 3)) {
            assertThat(log.newest(10)).isEmpty();
        }
    }

    /** Mostly entry-sized lines, now and then one across a read block or longer than any entry, some not ASCII. */
    private static String line(Random random, int round, int batch, int i) {
        int kind = random.nextInt(100);
        int pad = kind < 90 ? random.nextInt(400) : kind < 97 ? 30_000 + random.nextInt(60_000) : 70_000;
        String text = random.nextBoolean() ? "x" : "z\u00fcrich \u2603";
        return "{\"id\": \"" + round + "-" + batch + "-" + i + "\", \"pad\": \"" + text.repeat(pad / text.length()) + "\"}";
    }

    /** Every line of the kept files, oldest first, without those longer than a tail reads. */
    private static List<String> wholeFiles(Path dir, int maxFiles) throws Exception {
        List<String> all = new ArrayList<>();
        for (int i = maxFiles - 1; i >= 0; i--) {
            Path f = dir.resolve(i == 0 ? AuditLog.FILE : AuditLog.FILE + "." + i);
            if (Files.exists(f)) {
                for (String l : Files.readAllLines(f)) {
                    if (!l.isEmpty() && l.getBytes(StandardCharsets.UTF_8).length <= AuditTail.MAX_LINE) {
                        all.add(l);
                    }
                }
            }
        }
        return all;
    }
}
