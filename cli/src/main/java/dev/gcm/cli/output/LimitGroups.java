package dev.gcm.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.gcm.GcmLimits;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hosts that limit a GCM, grouped by cause rather than listed host by host: "1,203 hosts lack vxeh2:
 * h1, h2, h3 and 1,200 more". A host that both caps the generation and lacks features appears in both
 * groups. Features lacked by exactly the same hosts share a group ("3 hosts lack te, cte").
 */
public final class LimitGroups {

    /** Why a group of hosts limits the GCM. */
    public enum Cause { GENERATION, IBC, FEATURES }

    /**
     * @param detail the definition for GENERATION, the features (comma-separated) for FEATURES, "" for IBC
     * @param hosts  the hosts, sorted by name
     */
    public record Group(Cause cause, String detail, List<String> hosts) {

        /** "3 hosts lack te, cte: zvm-02, zvm-05, zvm-09", with at most {@code shown} host names. */
        public String sentence(int shown) {
            return what() + ": " + Names.some(hosts, shown);
        }

        /** "3 hosts lack te, cte" */
        public String what() {
            boolean one = hosts.size() == 1;
            String subject = Names.count(hosts.size(), "host", "hosts");
            return switch (cause) {
                case GENERATION -> subject + (one ? " caps" : " cap") + " the generation (" + detail + ")";
                case IBC -> subject + (one ? " caps the IBC (its" : " cap the IBC (their") + " unblocked level is the lowest)";
                case FEATURES -> subject + (one ? " lacks " : " lack ") + detail;
            };
        }
    }

    /** Host names shown per cause before "and N more" ({@code -o wide} shows all). */
    public static final int SHOWN = 8;

    private LimitGroups() {
    }

    /** Groups the API's {@code limitedBy} list ({host, definition, capsGeneration, capsIbc, removes[]}). */
    public static List<Group> of(JsonNode limitedBy) {
        Grouping g = new Grouping();
        for (JsonNode l : limitedBy) {
            List<String> removes = new ArrayList<>();
            l.path("removes").forEach(f -> removes.add(f.asText()));
            g.add(l.path("host").asText(), l.path("definition").asText(), l.path("capsGeneration").asBoolean(),
                    l.path("capsIbc").asBoolean(), removes);
        }
        return g.groups();
    }

    /** Groups a GCM's limits as facility-db computes them ({@code gcm baseline}). */
    public static List<Group> of(List<GcmLimits.Limit> limits) {
        Grouping g = new Grouping();
        limits.forEach(l -> g.add(l.host(), l.definition(), l.capsGeneration(), l.capsIbc(), l.removes()));
        return g.groups();
    }

    /** The groups as a table, CAUSE and HOSTS: at most {@link #SHOWN} names per cause unless wide. */
    public static Table table(List<Group> groups, boolean wide) {
        Table table = new Table("CAUSE", "HOSTS");
        for (Group g : groups) {
            table.row(g.what(), Names.some(g.hosts(), wide ? Integer.MAX_VALUE : SHOWN));
        }
        return table;
    }

    /**
     * Collects limits, then groups them. At 100,000 limiting hosts the hosts share a few dozen lists of missing
     * features: each distinct list keeps its hosts, and a feature's hosts are those of the lists that hold it.
     */
    private static final class Grouping {
        private final Map<String, List<String>> generation = new LinkedHashMap<>();
        private final List<String> ibc = new ArrayList<>();
        private final Map<List<String>, List<String>> hostsByRemoves = new LinkedHashMap<>();

        void add(String host, String definition, boolean capsGeneration, boolean capsIbc, List<String> removes) {
            if (capsGeneration) {
                generation.computeIfAbsent(definition, d -> new ArrayList<>()).add(host);
            }
            if (capsIbc) {
                ibc.add(host);
            }
            if (!removes.isEmpty()) {
                hostsByRemoves.computeIfAbsent(removes, r -> new ArrayList<>()).add(host);
            }
        }

        List<Group> groups() {
            List<Group> groups = new ArrayList<>();
            generation.forEach((def, hosts) -> groups.add(new Group(Cause.GENERATION, def, sorted(hosts))));
            if (!ibc.isEmpty()) {
                groups.add(new Group(Cause.IBC, "", sorted(ibc)));
            }
            // each feature, in the order first seen, with the lists that hold it
            List<List<String>> lists = new ArrayList<>(hostsByRemoves.keySet());
            Map<String, BitSet> listsOf = new LinkedHashMap<>();
            for (int i = 0; i < lists.size(); i++) {
                for (String f : lists.get(i)) {
                    listsOf.computeIfAbsent(f, x -> new BitSet()).set(i);
                }
            }
            Map<BitSet, List<String>> hostsOfLists = new HashMap<>();
            Map<List<String>, List<String>> featuresByHosts = new LinkedHashMap<>();
            listsOf.forEach((feature, which) -> {
                List<String> hosts = hostsOfLists.computeIfAbsent(which, w -> sorted(w.stream()
                        .mapToObj(i -> hostsByRemoves.get(lists.get(i))).flatMap(List::stream).toList()));
                featuresByHosts.computeIfAbsent(hosts, h -> new ArrayList<>()).add(feature);
            });
            List<Group> lacks = new ArrayList<>();
            featuresByHosts.forEach((hosts, features) ->
                    lacks.add(new Group(Cause.FEATURES, String.join(", ", features), hosts)));
            lacks.sort(Comparator.comparingInt((Group g) -> -g.hosts().size()).thenComparing(Group::detail));
            groups.addAll(lacks);
            return groups;
        }

        /** Sorted by name, each once. */
        private static List<String> sorted(List<String> hosts) {
            return hosts.stream().sorted().distinct().toList();
        }
    }
}
