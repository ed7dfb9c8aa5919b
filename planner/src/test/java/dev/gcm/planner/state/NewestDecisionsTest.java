package dev.gcm.planner.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Entries from several members and the ring made one log: against a model that sorts every entry there is. */
class NewestDecisionsTest {

    private record Entry(String id, long millis) {
        String json() {
            return "{\"decisionId\":\"" + id + "\",\"time\":\"" + Instant.ofEpochMilli(millis) + "\",\"decision\":\"approved\"}";
        }
    }

    @Test
    void theNewestOncePerIdInTimeOrderSinceTheGivenTime() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            long base = 1_800_000_000_000L;
            Map<String, Entry> unique = new LinkedHashMap<>();
            List<String> gathered = new ArrayList<>();
            int members = 1 + random.nextInt(4);
            for (int member = 0; member < members; member++) {
                long t = base + random.nextInt(50);
                for (int i = random.nextInt(200); i > 0; i--) {
                    t += random.nextInt(3); // a member's entries in order, some in the same millisecond
                    Entry e = new Entry(String.format("m%d-%05d", member, i), t);
                    unique.put(e.id(), e);
                    gathered.add(e.json());
                    if (random.nextInt(20) == 0) {
                        gathered.add(e.json()); // the same entry from the ring too
                    }
                }
            }
            gathered.add("not json");
            gathered.add("{\"decisionId\":\"no-time\"}");
            Collections.shuffle(gathered, random);
            Instant since = random.nextBoolean() ? null : Instant.ofEpochMilli(base + random.nextInt(300));
            int limit = 1 + random.nextInt(400);

            List<Entry> model = new ArrayList<>(unique.values());
            model.removeIf(e -> since != null && e.millis() < since.toEpochMilli());
            model.sort(Comparator.comparingLong(Entry::millis).thenComparing(Entry::id));
            List<String> expected = model.subList(Math.max(0, model.size() - limit), model.size()).stream()
                    .map(Entry::id).toList();

            List<JsonNode> got = NewestDecisions.of(gathered, since, limit);
            assertThat(got.stream().map(n -> n.get("decisionId").asText()).toList())
                    .as("seed %d, round %d", seed, round).containsExactlyElementsOf(expected);
        }
    }
}
