package dev.gcm.facilitydb.catalog;

import java.util.List;

/** Names (of features, properties, models, machine types) the catalog does not know; lists them all. */
public class UnknownNamesException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String what;
    private final List<String> names;

    public UnknownNamesException(String what, List<String> names) {
        super("unknown " + what + (names.size() == 1 ? "" : "s") + ": " + String.join(", ", names));
        this.what = what;
        this.names = List.copyOf(names);
    }

    /** What kind of name it was: "feature", "property", "CPU model", ... */
    public String what() {
        return what;
    }

    public List<String> names() {
        return names;
    }
}
