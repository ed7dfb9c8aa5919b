package dev.gcm.cli.output;

import java.util.ArrayList;
import java.util.List;

/** Breaks text into lines of at most a width: after spaces and commas where it can, inside a word where it must. */
public final class Wrap {

    private Wrap() {
    }

    /** The lines; the text itself when it fits or is coloured (escape codes are never split). */
    public static List<String> lines(String text, int width) {
        if (text.length() <= width || width < 1 || text.length() != Terminal.visibleLength(text)) {
            return List.of(text);
        }
        List<String> out = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = breakAt(rest, width);
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    /** The last space or comma within the width (the comma stays on this line), else the width itself. */
    private static int breakAt(String text, int width) {
        for (int i = width; i > width / 3; i--) {
            if (text.charAt(i) == ' ') {
                return i;
            }
            if (text.charAt(i - 1) == ',') {
                return i;
            }
        }
        return width;
    }
}
