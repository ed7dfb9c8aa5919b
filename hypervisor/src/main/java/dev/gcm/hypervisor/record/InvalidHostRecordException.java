package dev.gcm.hypervisor.record;

import java.util.List;

/** A host record that breaks one or more rules; every violation is listed with its field. */
public class InvalidHostRecordException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** One broken rule: the JSON path of the field and what is wrong with it. */
    public record Violation(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    private final List<Violation> violations;

    public InvalidHostRecordException(List<Violation> violations) {
        super("invalid host record: " + String.join("; ", violations.stream().map(Violation::toString).toList()));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
