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
                log.append(List.of("{\"n\": " + i + ", \"pad\": \"0123456789\"}"));
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
}
