package dev.gcm.planner.index;

import dev.gcm.hypervisor.record.HostRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which hosts report a guest of each name, immutable: the index keeps it beside the pools so that a migration check
 * that names a guest learns in O(1) on which host it runs (its source), without a pass over the fleet. Guest names
 * are unique per host, not across hosts: a name two hosts report has no sole host. Updated only when a host's
 * guests change, in O(its guests).
 */
final class GuestPlaces {

    static final GuestPlaces EMPTY = new GuestPlaces(PersistentMap.empty());

    /** The hosts (usually one) that report each guest name. */
    private final PersistentMap<String, String[]> hostsByGuest;

    private GuestPlaces(PersistentMap<String, String[]> hostsByGuest) {
        this.hostsByGuest = hostsByGuest;
    }

    /** The one host that reports a guest of this name, if exactly one does. */
    Optional<String> soleHost(String guest) {
        String[] hosts = hostsByGuest.get(guest);
        return hosts != null && hosts.length == 1 ? Optional.of(hosts[0]) : Optional.empty();
    }

    /** These places after a host's guests changed from {@code before} to {@code after} (null: the host shows none). */
    GuestPlaces moved(String hostId, IndexedHost before, IndexedHost after) {
        Set<String> was = names(before);
        Set<String> now = names(after);
        if (was.equals(now)) {
            return this;
        }
        PersistentMap<String, String[]> m = hostsByGuest;
        for (String g : was) {
            if (!now.contains(g)) {
                String[] hosts = m.get(g);
                List<String> left = hosts == null ? List.of()
                        : Arrays.stream(hosts).filter(h -> !h.equals(hostId)).toList();
                m = left.isEmpty() ? m.remove(g) : m.put(g, left.toArray(new String[0]));
            }
        }
        for (String g : now) {
            if (!was.contains(g)) {
                String[] hosts = m.get(g);
                List<String> more = new ArrayList<>(hosts == null ? List.of() : Arrays.asList(hosts));
                more.add(hostId);
                m = m.put(g, more.toArray(new String[0]));
            }
        }
        return new GuestPlaces(m);
    }

    private static Set<String> names(IndexedHost h) {
        if (h == null) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (HostRecord.Guest g : h.resolved().record().guests()) {
            out.add(g.name());
        }
        return out;
    }
}
