package dev.gcm.planner.gate;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.Deprecation;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.Comparison;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model comparisons remembered: a comparison is a pure function of the catalog and the two models, and
 * a fleet asks the same few dozen guest models about the same few dozen host models all day, while one
 * costs as much as the rest of a decision (feature names in QEMU's order). Bounded ({@value #MAX}
 * pairs; when full it starts over). Definitions are catalog singletons and compared by identity; feature
 * sets carry their hash.
 */
final class Comparisons {

    static final int MAX = 16_384;
    private static final ConcurrentHashMap<Key, Compared> KNOWN = new ConcurrentHashMap<>();

    /**
     * A comparison and, when the host lacks features the guest uses, those features by name (deprecated ones
     * first) and what a rejection says beyond their count: what it means that some of them are deprecated
     * ("; csske and bpb are deprecated ..."), or nothing.
     */
    record Compared(Comparison.Result result, String deprecationNote, List<String> missingNames) {
    }

    private Comparisons() {
    }

    static Compared compared(Catalog catalog, CpuModel guest, CpuModel host) {
        Key key = new Key(catalog, guest, host);
        Compared c = KNOWN.get(key);
        if (c == null) {
            Comparison.Result r = Comparison.compare(catalog, guest, host);
            c = r.missing().isEmpty() ? new Compared(r, "", List.of())
                    : new Compared(r, Deprecation.consequence(catalog, r.missing()).map(w -> "; " + w).orElse(""),
                            List.copyOf(Deprecation.deprecatedFirst(catalog, r.missing()))); // reasons keep this list itself
            if (KNOWN.size() >= MAX) {
                KNOWN.clear();
            }
            KNOWN.put(key, c);
        }
        return c;
    }

    private static final class Key {
        private final Catalog catalog;
        private final CpuModel guest;
        private final CpuModel host;
        private final int hash;

        Key(Catalog catalog, CpuModel guest, CpuModel host) {
            this.catalog = catalog;
            this.guest = guest;
            this.host = host;
            this.hash = (System.identityHashCode(guest.definition()) * 31 + guest.features().hashCode()) * 31
                    + System.identityHashCode(host.definition()) * 17 + host.features().hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.catalog == catalog && k.guest.definition() == guest.definition()
                    && k.host.definition() == host.definition() && k.guest.features().equals(guest.features())
                    && k.host.features().equals(host.features());
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
