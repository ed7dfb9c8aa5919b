package dev.gcm.hypervisor.record;

import java.util.List;

/**
 * A host record that breaks one or more rules; the violations are listed with their fields, the first
 * {@value #MAX_LISTED} of them (a record can break thousands; the answer stays small) and their count.
 */
public class InvalidHostRecordException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    public static final int MAX_LISTED = 50;

    /** One broken rule: the JSON path of the field and what is wrong with it. */
    public record Violation(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    private final List<Violation> violations;
    private final int count;

    public InvalidHostRecordException(List<Violation> violations) {
        super(message(violations));
        this.violations = List.copyOf(violations.subList(0, Math.min(MAX_LISTED, violations.size())));
        this.count = violations.size();
    }

    private static String message(List<Violation> all) {
        List<String> listed = all.stream().limit(MAX_LISTED).map(Violation::toString).toList();
        return "invalid host record: " + String.join("; ", listed)
                + (all.size() > MAX_LISTED ? "; and " + (all.size() - MAX_LISTED) + " more" : "");
    }

    /** The first {@value #MAX_LISTED} violations. */
    public List<Violation> violations() {
        return violations;
    }

    /** How many violations there were in all. */
    public int count() {
        return count;
    }
}
