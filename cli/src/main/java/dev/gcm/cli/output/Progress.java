package dev.gcm.cli.output;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long run, on stderr (never on stdout, so machine output stays clean): on a terminal one line
 * rewritten in place ("Reading fleet.json: 42% (41,873 hosts)") and wiped at the end; asked for elsewhere
 * ({@code --progress} into a log), a line at every tenth. Silent otherwise.
 */
public final class Progress {

    /** Says nothing. */
    public static final Progress NONE = new Progress(null, false, System::nanoTime);

    private static final long EVERY_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean inPlace;
    private final LongSupplier clock;
    private boolean started;
    private long lastNanos;
    private long lastTenth = -1;
    private int shown;

    Progress(PrintWriter err, boolean inPlace, LongSupplier clock) {
        this.err = err;
        this.inPlace = inPlace;
        this.clock = clock;
    }

    /**
     * Progress when stderr is a terminal (rewritten in place) or when asked for (then in lines, unless on a
     * terminal); else {@link #NONE}.
     */
    public static Progress on(PrintWriter err, boolean asked) {
        boolean terminal = Terminal.stderrIsTerminal();
        return terminal || asked ? new Progress(err, terminal, System::nanoTime) : NONE;
    }

    /**
     * Where a run stands: "LABEL: 42% (COUNT)" with {@code done} of {@code total} (of bytes, of hosts), or
     * "LABEL: COUNT" when the total is unknown (-1). Shown at most ten times a second in place; in lines at
     * every tenth, or every two seconds when the total is unknown.
     */
    public void at(String label, long done, long total, String count) {
        if (err == null) {
            return;
        }
        long now = clock.getAsLong();
        long tenth = total > 0 ? done * 10 / total : -1;
        boolean due = !started || (inPlace || total <= 0 ? now - lastNanos >= (inPlace ? EVERY_NANOS : 20 * EVERY_NANOS)
                : tenth != lastTenth);
        if (!due) {
            return;
        }
        started = true;
        lastTenth = tenth;
        lastNanos = now;
        show(total > 0 ? String.format(Locale.ROOT, "%s: %d%% (%s)", label, done * 100 / total, count)
                : label + ": " + count);
    }

    /** A step that has begun ("Computing the GCM of 100,000 hosts"). */
    public void step(String text) {
        if (err != null) {
            show(text);
        }
    }

    /** Wipes the line in place; nothing more is shown. */
    public void done() {
        if (err != null && inPlace && shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }

    private void show(String text) {
        if (inPlace) {
            err.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
            shown = text.length();
        } else {
            err.println(text);
        }
        err.flush();
    }
}
