package dev.gcm.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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

    private LimitGroups() {
    }

    /** Groups the API's {@code limitedBy} list ({host, definition, capsGeneration, capsIbc, removes[]}). */
    public static List<Group> of(JsonNode limitedBy) {
        Map<String, TreeSet<String>> generation = new LinkedHashMap<>();
        TreeSet<String> ibc = new TreeSet<>();
        Map<String, TreeSet<String>> byFeature = new LinkedHashMap<>();
        for (JsonNode l : limitedBy) {
            String host = l.path("host").asText();
            if (l.path("capsGeneration").asBoolean()) {
                generation.computeIfAbsent(l.path("definition").asText(), d -> new TreeSet<>()).add(host);
            }
            if (l.path("capsIbc").asBoolean()) {
                ibc.add(host);
            }
            for (JsonNode f : l.path("removes")) {
                byFeature.computeIfAbsent(f.asText(), x -> new TreeSet<>()).add(host);
            }
        }
        List<Group> groups = new ArrayList<>();
        generation.forEach((def, hosts) -> groups.add(new Group(Cause.GENERATION, def, List.copyOf(hosts))));
        if (!ibc.isEmpty()) {
            groups.add(new Group(Cause.IBC, "", List.copyOf(ibc)));
        }
        Map<List<String>, List<String>> featuresByHosts = new LinkedHashMap<>();
        byFeature.forEach((feature, hosts) ->
                featuresByHosts.computeIfAbsent(List.copyOf(hosts), h -> new ArrayList<>()).add(feature));
        List<Group> lacks = new ArrayList<>();
        featuresByHosts.forEach((hosts, features) ->
                lacks.add(new Group(Cause.FEATURES, String.join(", ", features), hosts)));
        lacks.sort(Comparator.comparingInt((Group g) -> -g.hosts().size()).thenComparing(Group::detail));
        groups.addAll(lacks);
        return groups;
    }
}
