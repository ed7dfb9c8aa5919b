package dev.gcm.planner.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcm.planner.model.HostAdmin;
import dev.gcm.planner.model.PoolEntry;
import dev.gcm.planner.model.Revisioned;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This member's copy of the hard state (cordons, tombstones, pools) on its own volume
 * ({@code GCM_STATE_DIR/hard-state.json}): every entry at the newest revision this member has seen,
 * rewritten whole and atomically (a temporary file, fsync, rename) shortly after each change, and at
 * once before this member acknowledges a hard write of its own. Loaded at start and merged into the
 * grid by revision, so a restart of every member loses none of it.
 */
public final class HardStateJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HardStateJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE = "hard-state.json";
    private static final long DEBOUNCE_MILLIS = 200;

    /** What the journal holds. */
    public record State(Map<String, HostAdmin> admin, Map<String, PoolEntry> pools) {
    }

    private final Path file;
    private final Map<String, HostAdmin> admin = new ConcurrentHashMap<>();
    private final Map<String, PoolEntry> pools = new ConcurrentHashMap<>();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gcm-journal");
        t.setDaemon(true);
        return t;
    });

    public HardStateJournal(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.file = dir.resolve(FILE);
    }

    /** Reads the journal (empty if there is none yet) into this member's copy. */
    public State load() throws IOException {
        if (Files.exists(file)) {
            State s = JSON.readValue(file.toFile(), State.class);
            if (s.admin() != null) {
                s.admin().forEach(this::admin);
            }
            if (s.pools() != null) {
                s.pools().values().forEach(this::pool);
            }
            dirty.set(false);
            LOG.info("hard state loaded from {}: {} host entries, {} pools", file, admin.size(), pools.size());
        }
        return snapshot();
    }

    public State snapshot() {
        return new State(new TreeMap<>(admin), new TreeMap<>(pools));
    }

    /** Takes a host's admin state if it is newer than what the journal has; written soon. */
    public void admin(String hostId, HostAdmin a) {
        if (newer(admin.merge(hostId, a, HardStateJournal::newest), a)) {
            changed();
        }
    }

    /** Takes a pool if it is newer than what the journal has; written soon. */
    public void pool(PoolEntry p) {
        if (newer(pools.merge(p.name(), p, HardStateJournal::newest), p)) {
            changed();
        }
    }

    private static <V extends Revisioned> V newest(V a, V b) {
        return b.revision() > a.revision() ? b : a;
    }

    private static boolean newer(Object kept, Object offered) {
        return kept == offered;
    }

    private void changed() {
        dirty.set(true);
        if (scheduled.compareAndSet(false, true)) {
            thread.schedule(this::writeQuietly, DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Writes what the journal has now; completes when it is on disk. */
    public CompletableFuture<Void> flush() {
        dirty.set(true);
        return CompletableFuture.runAsync(this::writeOrFail, thread);
    }

    private void writeQuietly() {
        try {
            writeOrFail();
        } catch (RuntimeException e) {
            LOG.error("hard state journal {} not written: {}", file, e.getMessage());
        }
    }

    private void writeOrFail() {
        scheduled.set(false);
        if (!dirty.getAndSet(false)) {
            return;
        }
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            byte[] bytes = JSON.writeValueAsBytes(snapshot());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            dirty.set(true);
            throw new java.io.UncheckedIOException("hard state journal " + file + " not written", e);
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeQuietly();
    }
}
