package dev.gcm.cli.output;

/**
 * What the output goes to: colour only on a terminal (and never with NO_COLOR or TERM=dumb), tables cut
 * to the terminal's width ($COLUMNS, else 120) there, and never cut when piped.
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
        int width = 120;
        try {
            width = Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120").strip()));
        } catch (NumberFormatException e) {
            // keep 120
        }
        return new Terminal(colour, width);
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
