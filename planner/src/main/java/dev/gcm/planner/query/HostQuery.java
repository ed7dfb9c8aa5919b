package dev.gcm.planner.query;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A question to the host list: which hosts (a pool, states, a label selector), how many at most, and after
 * which host id to start (from a continue token).
 *
 * @param pool     only the hosts a pool counts (not its quarantined hosts)
 * @param states   hosts in any of these states; empty: any state
 * @param selector hosts whose labels it selects
 * @param limit    the most hosts in the answer; 0: every matching host
 * @param continueToken where the page before ended ({@link ContinueToken}); empty: from the first host
 */
public record HostQuery(Optional<String> pool, Set<HostState> states, LabelSelector selector, int limit,
                        Optional<String> continueToken) {

    /** The largest page a client may ask for. */
    public static final int MAX_LIMIT = 10_000;

    public HostQuery {
        states = states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        String key = filterKey(pool, states, selector);
        continueToken.ifPresent(t -> ContinueToken.after(t, key));
    }

    /** The host id to start after, from the continue token. */
    Optional<String> after() {
        return continueToken.map(t -> ContinueToken.after(t, filterKey()));
    }

    /** Every host, in one answer. */
    public static HostQuery everything() {
        return new HostQuery(Optional.empty(), Set.of(), LabelSelector.EVERYTHING, 0, Optional.empty());
    }

    /** Whether any host might be left out (then the total needs a pass over every host). */
    boolean filters() {
        return pool.isPresent() || !states.isEmpty() || !selector.selectsEverything();
    }

    /**
     * What identifies the filters (not the page): a continue token carries it, so that a token is not used with
     * other filters, which would skip or repeat hosts without saying so.
     */
    String filterKey() {
        return filterKey(pool, states, selector);
    }

    private static String filterKey(Optional<String> pool, Set<HostState> states, LabelSelector selector) {
        StringBuilder b = new StringBuilder();
        b.append(pool.orElse("")).append('\n');
        states.stream().map(HostState::wireName).sorted().forEach(s -> b.append(s).append(','));
        return b.append('\n').append(selector).toString();
    }
}
