package dev.gcm.test.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The QEMU oracles of one test class, one per release, started when first asked for and stopped together
 * ({@code @AfterAll}). A release that could not start is not retried.
 */
public final class QemuOracles implements AutoCloseable {

    private final Map<String, QemuOracle> started = new HashMap<>();
    private final Map<String, RuntimeException> failed = new HashMap<>();
    private final Map<String, Ours> ours = new HashMap<>();

    /** The oracle of a release ({@link QemuOracle#RELEASES}); fails or skips the test when it is missing. */
    public synchronized QemuOracle get(String release) {
        QemuOracle q = started.get(release);
        if (q != null) {
            return q;
        }
        if (failed.containsKey(release)) {
            throw Oracles.missing("QEMU " + release + " (" + failed.get(release).getMessage() + ")");
        }
        try {
            q = QemuOracle.start(release);
        } catch (RuntimeException | AssertionError e) {
            failed.put(release, e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage()));
            throw e;
        }
        started.put(release, q);
        ours.put(release, new Ours(q.qemuVersion()));
        return q;
    }

    /** Our side, in the view of the release's QEMU (starts the oracle when needed). */
    public synchronized Ours ours(String release) {
        get(release);
        return ours.get(release);
    }

    @Override
    public synchronized void close() {
        started.values().forEach(QemuOracle::close);
        started.clear();
    }
}
