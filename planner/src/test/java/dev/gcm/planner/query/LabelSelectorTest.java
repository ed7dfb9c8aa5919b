package dev.gcm.planner.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gcm.facilitydb.testing.Seeded;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The Kubernetes selector syntax: each form against its meaning, random selectors against a reference, bad ones refused. */
class LabelSelectorTest {

    static final List<String> KEYS = List.of("zone", "rack", "tier", "gcm.dev/leaving", "example.com/team");
    static final List<String> VALUES = List.of("a", "b", "c", "r1", "x-1", "");

    @Test
    void eachFormMeansWhatKubernetesMeans() {
        Map<String, String> host = Map.of("zone", "a", "rack", "r1");
        assertThat(LabelSelector.parse("zone=a").matches(host)).isTrue();
        assertThat(LabelSelector.parse("zone==b").matches(host)).isFalse();
        assertThat(LabelSelector.parse("zone!=b").matches(host)).isTrue();
        assertThat(LabelSelector.parse("tier!=b").matches(host)).isTrue(); // absent counts as not b
        assertThat(LabelSelector.parse("rack").matches(host)).isTrue();
        assertThat(LabelSelector.parse("!rack").matches(host)).isFalse();
        assertThat(LabelSelector.parse("!tier").matches(host)).isTrue();
        assertThat(LabelSelector.parse("zone in (b, a)").matches(host)).isTrue();
        assertThat(LabelSelector.parse("tier in (a)").matches(host)).isFalse();
        assertThat(LabelSelector.parse("zone notin (a)").matches(host)).isFalse();
        assertThat(LabelSelector.parse("tier notin (a)").matches(host)).isTrue();
        assertThat(LabelSelector.parse(" zone = a , rack in(r1,r2),!tier ").matches(host)).isTrue();
        assertThat(LabelSelector.parse("").matches(host)).isTrue();
        assertThat(LabelSelector.parse("inside").matches(Map.of("inside", "x"))).isTrue(); // a key, no keyword
    }

    @Test
    void badSelectorsAreRefusedInWords() {
        for (String bad : List.of("=a", "zone in a", "zone in (a", "zone in ()", "zone notin ( )", "zone=a,",
                ",zone", "zone=a b", "zone ~ a", "!", "zone=a/b", "-zone=a", "zone in (a) x", "Zone_=a", "k=v=w",
                "zone=" + "v".repeat(64), "zone==(a)")) {
            assertThatThrownBy(() -> LabelSelector.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("selector");
        }
        assertThatThrownBy(() -> LabelSelector.parse("zone in (a"))
                .hasMessageContaining("at character").hasMessageContaining("')'");
        assertThatThrownBy(() -> LabelSelector.parse("x".repeat(5000))).hasMessageContaining("at most");
    }

    @Test
    void randomSelectorsMatchAsTheirRequirementsSay() {
        Seeded.forAll(300, random -> {
            Random r = random;
            List<Predicate<Map<String, String>>> meaning = new ArrayList<>();
            String text = randomSelector(r, meaning);
            LabelSelector s = LabelSelector.parse(text);
            for (int i = 0; i < 30; i++) {
                Map<String, String> labels = randomLabels(r);
                assertThat(s.matches(labels)).as(text + " on " + labels)
                        .isEqualTo(meaning.stream().allMatch(p -> p.test(labels)));
            }
        });
    }

    static Map<String, String> randomLabels(Random r) {
        Map<String, String> labels = new HashMap<>();
        for (String k : KEYS) {
            if (r.nextInt(3) > 0) {
                labels.put(k, VALUES.get(r.nextInt(VALUES.size())));
            }
        }
        return labels;
    }

    /** A selector's text in one of its spellings, and what each requirement means, written apart from the parser. */
    static String randomSelector(Random r, List<Predicate<Map<String, String>>> meaning) {
        int n = r.nextInt(4);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String k = KEYS.get(r.nextInt(KEYS.size()));
            String v = VALUES.get(r.nextInt(VALUES.size() - 1));
            String sp = r.nextBoolean() ? " " : "";
            switch (r.nextInt(6)) {
                case 0 -> {
                    parts.add(k + sp + (r.nextBoolean() ? "=" : "==") + sp + v);
                    meaning.add(l -> v.equals(l.get(k)));
                }
                case 1 -> {
                    parts.add(k + sp + "!=" + sp + v);
                    meaning.add(l -> !v.equals(l.get(k)));
                }
                case 2 -> {
                    parts.add(k);
                    meaning.add(l -> l.containsKey(k));
                }
                case 3 -> {
                    parts.add("!" + k);
                    meaning.add(l -> !l.containsKey(k));
                }
                default -> {
                    List<String> set = new ArrayList<>();
                    for (int j = 0; j <= r.nextInt(3); j++) {
                        set.add(VALUES.get(r.nextInt(VALUES.size() - 1)));
                    }
                    boolean in = r.nextBoolean();
                    parts.add(k + " " + (in ? "in" : "notin") + sp + "(" + String.join("," + sp, set) + ")");
                    meaning.add(l -> in == (l.containsKey(k) && set.contains(l.get(k))));
                }
            }
        }
        return String.join(r.nextBoolean() ? "," : ", ", parts);
    }
}
