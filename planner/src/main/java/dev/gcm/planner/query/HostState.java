package dev.gcm.planner.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The states a host list filters by, as the list shows them: {@code fresh} or {@code stale} (whether its agent
 * reported within the stale time), {@code cordoned} (by an admin), {@code leaving} (its agent said it stops), and
 * {@code ready}: fresh, not cordoned and not leaving, a host the gate may approve as a target.
 */
public enum HostState {
    FRESH, STALE, CORDONED, LEAVING, READY;

    /** What a host is, as the filter sees it. */
    public record Facts(boolean stale, boolean cordoned, boolean leaving) {
    }

    public boolean holds(Facts f) {
        return switch (this) {
            case FRESH -> !f.stale();
            case STALE -> f.stale();
            case CORDONED -> f.cordoned();
            case LEAVING -> f.leaving();
            case READY -> !f.stale() && !f.cordoned() && !f.leaving();
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One state by its name, or an error that lists the names. */
    public static HostState parse(String name) {
        for (HostState s : values()) {
            if (s.wireName().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown state '" + name.strip() + "'; use " + names());
    }

    /** "fresh, stale, cordoned, leaving or ready" */
    public static String names() {
        String all = Arrays.stream(values()).map(HostState::wireName).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
