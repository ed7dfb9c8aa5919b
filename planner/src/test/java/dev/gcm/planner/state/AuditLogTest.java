package dev.gcm.planner.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit file appends one line per decision and rotates, keeping a bounded number of files. */
class AuditLogTest {

    @Test
    void appendsLinesAndRotatesWithinItsBounds(@TempDir Path dir) throws Exception {
        try (AuditLog log = new AuditLog(dir, 100, 3)) {
            for (int i = 0; i < 20; i++) {
                log.append(AuditLog.encode(List.of("{\"n\": " + i + ", \"pad\": \"0123456789\"}")));
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(AuditLog.FILE,
                    AuditLog.FILE + ".1", AuditLog.FILE + ".2");
        }
        List<String> newest = Files.readAllLines(dir.resolve(AuditLog.FILE));
        assertThat(newest.get(newest.size() - 1)).contains("\"n\": 19");
        assertThat(Files.size(dir.resolve(AuditLog.FILE))).isLessThanOrEqualTo(100);
        assertThat(Files.readAllLines(dir.resolve(AuditLog.FILE + ".1")).get(0)).doesNotContain("\"n\": 0,");
    }

    @Test
    void keepsEveryLineWholeAndInOrderWhateverTheBatchSize(@TempDir Path dir) throws Exception {
        // a batch of many lines (more than the write buffer holds), a line larger than the buffer, a line with
        // a line break in it (made one line), and text beyond ASCII
        List<String> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            batch.add("{\"n\": " + i + ", \"pad\": \"" + "x".repeat(i % 97) + "\"}");
        }
        String huge = "{\"huge\": \"" + "y".repeat(200_000) + "\"}";
        try (AuditLog log = new AuditLog(dir, 1L << 30, 2)) {
            log.append(AuditLog.encode(batch));
            log.append(AuditLog.encode(List.of("{\"a\": \"one\ntwo\"}", huge, "{\"name\": \"z\u00fcrich \u2603\"}")));
            log.append(AuditLog.encode(List.of()));
        }
        List<String> lines = Files.readAllLines(dir.resolve(AuditLog.FILE));
        List<String> expected = new java.util.ArrayList<>(batch);
        expected.addAll(List.of("{\"a\": \"one two\"}", huge, "{\"name\": \"z\u00fcrich \u2603\"}"));
        assertThat(lines).containsExactlyElementsOf(expected);
    }

    @Test
    void continuesAnExistingFile(@TempDir Path dir) throws Exception {
        try (AuditLog log = new AuditLog(dir, 1000, 2)) {
            log.append(AuditLog.encode(List.of("{\"first\": 1}")));
        }
        try (AuditLog log = new AuditLog(dir, 1000, 2)) {
            log.append(AuditLog.encode(List.of("{\"second\": 2}")));
        }
        assertThat(Files.readAllLines(dir.resolve(AuditLog.FILE))).containsExactly("{\"first\": 1}", "{\"second\": 2}");
    }
}
