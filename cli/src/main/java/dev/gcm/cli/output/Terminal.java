package dev.gcm.cli.output;

/**
 * What the output goes to: colour only on a terminal (and never with NO_COLOR or TERM=dumb), tables cut
 * to the terminal's width ($COLUMNS, else {@code stty size}, else 120) there, and never cut when piped.
 */
public record Terminal(boolean colour, int width) {

    /** Pipes, files and tests: no colour, nothing cut. */
    public static final Terminal PLAIN = new Terminal(false, Integer.MAX_VALUE);

    public static Terminal detect() {
        if (System.console() == null) {
            return PLAIN;
        }
        String term = System.getenv("TERM");
        boolean colour = System.getenv("NO_COLOR") == null && term != null && !"dumb".equals(term);
        return new Terminal(colour, terminalWidth());
    }

    /**
     * Whether stderr is a terminal (progress goes there): as the launcher found ({@code -Dgcm.stderr.tty}, from
     * {@code [ -t 2 ]}), else what stderr is open on (/proc/self/fd/2 on Linux), else not.
     */
    public static boolean stderrIsTerminal() {
        String told = System.getProperty("gcm.stderr.tty");
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** $COLUMNS when the shell exports it, else what {@code stty size} says of the terminal, else 120. */
    private static int terminalWidth() {
        try {
            String columns = System.getenv("COLUMNS");
            if (columns != null && !columns.isBlank()) {
                return Math.max(40, Integer.parseInt(columns.strip()));
            }
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String[] size = new String(stty.getInputStream().readAllBytes()).strip().split("\\s+");
            if (stty.waitFor(2, java.util.concurrent.TimeUnit.SECONDS) && stty.exitValue() == 0 && size.length == 2) {
                return Math.max(40, Integer.parseInt(size[1]));
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // no terminal to ask
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 120;
    }

    public String green(String text) {
        return paint("32", text);
    }

    public String red(String text) {
        return paint("31", text);
    }

    public String yellow(String text) {
        return paint("33", text);
    }

    public String bold(String text) {
        return paint("1", text);
    }

    private String paint(String code, String text) {
        return colour && !text.isEmpty() ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    /** The length of text as shown, without colour codes. */
    public static int visibleLength(String text) {
        return text.replaceAll("\u001b\\[[0-9;]*m", "").length();
    }
}
