package dev.gcm.cli.output;

import java.util.List;
import java.util.Locale;

/** Lists of names and counts as people read them: "h1, h2, h3 and 1,200 more". */
public final class Names {

    private Names() {
    }

    /** At most {@code max} names, then "and N more"; every name when max is {@link Integer#MAX_VALUE}. */
    public static String some(List<String> names, int max) {
        if (names.size() <= max) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, max)) + " and " + count(names.size() - max) + " more";
    }

    /** 1,203 */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "1 host", "1,203 hosts". */
    public static String count(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }
}
