package dev.gcm.planner.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.planner.model.HostAdmin;
import dev.gcm.planner.model.PoolEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal keeps the newest revision of each entry, on disk whole, and brings it back. */
class HardStateJournalTest {

    @Test
    void keepsTheNewestRevisionAndBringsItBackAfterARestart(@TempDir Path dir) throws Exception {
        try (HardStateJournal j = new HardStateJournal(dir)) {
            assertThat(j.load().admin()).isEmpty();
            j.admin("h1", new HostAdmin(true, 0, 20));
            j.admin("h1", new HostAdmin(false, 0, 10)); // an older event: ignored
            j.admin("h2", new HostAdmin(false, 1234, 30));
            j.pool(new PoolEntry("zone-a", "{\"name\": \"zone-a\"}", 5));
            j.flush().get(10, TimeUnit.SECONDS);
        }
        assertThat(dir.resolve(HardStateJournal.FILE)).exists();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(HardStateJournal.FILE);
        }
        try (HardStateJournal again = new HardStateJournal(dir)) {
            HardStateJournal.State s = again.load();
            assertThat(s.admin().get("h1")).isEqualTo(new HostAdmin(true, 0, 20));
            assertThat(s.admin().get("h2").decommissioned()).isTrue();
            assertThat(s.pools().get("zone-a").revision()).isEqualTo(5);
        }
    }
}
