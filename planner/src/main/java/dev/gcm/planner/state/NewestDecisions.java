package dev.gcm.planner.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One decision log from the entries gathered from every member's audit file and the grid's ring: each
 * entry once (by {@code decisionId}), none older than {@code since}, ordered by time (then id), the newest
 * {@code limit} of them, oldest first. Members' clocks order entries from different members; within a member,
 * entries keep the order it recorded them in. An entry that cannot be read (no time, not JSON) is left out.
 */
public final class NewestDecisions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Timed(Instant time, String id, JsonNode entry) {
    }

    private static final Comparator<Timed> ORDER = Comparator.comparing(Timed::time).thenComparing(Timed::id);

    private NewestDecisions() {
    }

    public static List<JsonNode> of(Collection<String> entries, Instant since, int limit) {
        List<Timed> timed = new ArrayList<>(entries.size());
        Set<String> seen = new HashSet<>();
        for (String e : entries) {
            try {
                JsonNode n = JSON.readTree(e);
                Instant time = Instant.parse(n.path("time").asText());
                String id = n.path("decisionId").asText();
                if ((since == null || !time.isBefore(since)) && seen.add(id)) {
                    timed.add(new Timed(time, id, n));
                }
            } catch (JsonProcessingException | DateTimeException | IllegalArgumentException x) {
                // an entry that cannot be read is left out
            }
        }
        timed.sort(ORDER);
        List<JsonNode> out = new ArrayList<>(Math.min(limit, timed.size()));
        for (Timed t : timed.subList(Math.max(0, timed.size() - limit), timed.size())) {
            out.add(t.entry());
        }
        return out;
    }
}
