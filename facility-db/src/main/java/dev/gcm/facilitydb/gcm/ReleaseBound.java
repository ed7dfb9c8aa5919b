package dev.gcm.facilitydb.gcm;

import dev.gcm.facilitydb.catalog.QemuVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which QEMU release bounds a GCM of hosts of several releases, and what that costs: the GCM is computed in
 * the view of the oldest release so that every host's QEMU accepts it.
 *
 * @param release          the release whose view the GCM is computed in, e.g. 7.2.0
 * @param hosts            the hosts that say they run that release (they bound the GCM); empty when the view was
 *                         asked for ({@code --qemu-version}) and no host runs it, or no host names its release
 * @param asked            whether the view was asked for rather than set by the oldest host
 * @param featuresLeftOut  features every host of a newer release has that the release does not know
 * @param reduced          hosts whose definition the release does not know, with what it sees instead
 *                         (host id to e.g. "gen17a → gen16b")
 */
public record ReleaseBound(QemuVersion release, List<String> hosts, boolean asked, List<String> featuresLeftOut,
                           Map<String, String> reduced) {

    public ReleaseBound {
        hosts = List.copyOf(hosts);
        featuresLeftOut = List.copyOf(featuresLeftOut);
        reduced = Map.copyOf(reduced);
    }

    /** Whether the release takes anything away: a feature left out or a definition reduced. */
    public boolean costs() {
        return !featuresLeftOut.isEmpty() || !reduced.isEmpty();
    }

    /** One sentence for people, e.g. "computed in the view of QEMU 7.2 (the QEMU of h1, h2); ...". */
    public String sentence() {
        String qemu = "QEMU " + release.major() + "." + release.minor();
        List<String> parts = new ArrayList<>();
        String why = !hosts.isEmpty() ? "the QEMU of " + String.join(", ", Gcm.limit(hosts))
                : asked ? "as asked" : "the newest this catalog knows; no host names its QEMU release";
        parts.add("computed in the view of " + qemu + " (" + why + ")");
        if (!featuresLeftOut.isEmpty()) {
            parts.add("left out " + featuresLeftOut.size() + " feature(s) " + qemu + " does not know: "
                    + String.join(", ", Gcm.limit(featuresLeftOut)));
        }
        if (!reduced.isEmpty()) {
            List<String> each = reduced.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + e.getValue()).toList();
            parts.add(qemu + " does not know the definitions of " + String.join(", ", Gcm.limit(each)));
        }
        return String.join("; ", parts);
    }
}
