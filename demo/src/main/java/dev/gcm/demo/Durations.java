package dev.gcm.demo;

import java.time.Duration;

/** Durations as people write them: 30s, 1.5s, 500ms, 2m. */
final class Durations {

    private Durations() {
    }

    static String words(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
