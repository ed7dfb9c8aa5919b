package dev.gcm.planner.http;

import java.time.Instant;

/**
 * A time in milliseconds as {@link Instant#toString()} writes it ({@code 2026-12-02T17:35:01.123Z}, no
 * fraction when the milliseconds are zero), for the decision log's lines: each thread keeps the text of the
 * last second it wrote, so a line costs a few characters, not a run of Java's general date formatter (a gate
 * writes thousands a second).
 */
final class LogTime {

    private static final class Last {
        long second = Long.MIN_VALUE;
        String prefix;
    }

    private static final ThreadLocal<Last> LAST = ThreadLocal.withInitial(Last::new);

    private LogTime() {
    }

    static String of(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000L);
        int millis = (int) Math.floorMod(epochMillis, 1000L);
        Last last = LAST.get();
        if (last.second != second) {
            String whole = Instant.ofEpochSecond(second).toString();
            last.prefix = whole.substring(0, whole.length() - 1); // without its 'Z'
            last.second = second;
        }
        if (millis == 0) {
            return last.prefix + 'Z';
        }
        char[] tail = {'.', (char) ('0' + millis / 100), (char) ('0' + millis / 10 % 10), (char) ('0' + millis % 10), 'Z'};
        return last.prefix.concat(new String(tail));
    }
}
