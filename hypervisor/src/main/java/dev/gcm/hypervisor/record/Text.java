package dev.gcm.hypervisor.record;

/**
 * Which strings from outside may be stored and shown: no control characters (NUL, newline, escape),
 * no invisible format characters (bidirectional overrides such as U+202E, zero-width characters), no
 * line or paragraph separators, no unassigned code points and no lone surrogates. Such characters in
 * an id or a name would let one name pass for another in a table or a log line.
 */
public final class Text {

    private Text() {
    }

    public static boolean printable(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            switch (Character.getType(cp)) {
                case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                     Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> {
                    return false;
                }
                default -> i += Character.charCount(cp);
            }
        }
        return true;
    }

    /** A printable string of 1 to {@code max} characters. */
    public static boolean printable(String s, int max) {
        return s != null && !s.isEmpty() && s.length() <= max && printable(s);
    }
}
