package dev.gcm.facilitydb.catalog;

import java.util.List;

/** Names (of features, properties, models, machine types) the catalog does not know; lists them all. */
public class UnknownNamesException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String what;
    private final List<String> names;

    public UnknownNamesException(String what, List<String> names) {
        this(what, names, null);
    }

    /** With a hint for the person, e.g. "did you mean gen15a?"; null for none. */
    public UnknownNamesException(String what, List<String> names, String hint) {
        super("unknown " + (names.size() == 1 ? what : plural(what)) + ": " + String.join(", ", names)
                + (hint == null ? "" : " (" + hint + ")"));
        this.what = what;
        this.names = List.copyOf(names);
    }

    private static String plural(String word) {
        return word.endsWith("y") ? word.substring(0, word.length() - 1) + "ies" : word + "s";
    }

    /** What kind of name it was: "feature", "property", "CPU model", ... */
    public String what() {
        return what;
    }

    public List<String> names() {
        return names;
    }
}
