package dev.gcm.planner.query;

import dev.gcm.hypervisor.record.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A label selector in the Kubernetes syntax: requirements joined by commas, every one of which a host's labels
 * must meet. {@code k=v} and {@code k==v} (k is v), {@code k!=v} (k is absent or not v), {@code k} (k is
 * present), {@code !k} (k is absent), {@code k in (a, b)} (k is a or b), {@code k notin (a)} (k is absent or not
 * a). Keys and values follow the label rules ({@link Labels}); the empty selector selects everything.
 *
 * <pre>{@code
 * LabelSelector s = LabelSelector.parse("zone in (a, b), !gcm.dev/leaving, rack!=r9");
 * s.matches(Map.of("zone", "a", "rack", "r1"));   // true
 * }</pre>
 */
public final class LabelSelector {

    /** The longest selector taken, in characters, and the most requirements in one. */
    public static final int MAX_LENGTH = 4096;
    public static final int MAX_REQUIREMENTS = 64;
    /** The most values of one {@code in} or {@code notin} set. */
    public static final int MAX_VALUES = 64;

    /** What a requirement asks of a key. */
    enum Op { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, NOT_EXISTS }

    /** One requirement: a key, an operator and its values (one for = and !=, none for exists). */
    record Requirement(String key, Op op, Set<String> values) {

        boolean matches(Map<String, String> labels) {
            String v = labels.get(key);
            return switch (op) {
                case EQUALS, IN -> v != null && values.contains(v);
                case NOT_EQUALS, NOT_IN -> v == null || !values.contains(v);
                case EXISTS -> v != null;
                case NOT_EXISTS -> v == null;
            };
        }
    }

    /** The selector that selects every host. */
    public static final LabelSelector EVERYTHING = new LabelSelector("", List.of());

    private final String text;
    private final List<Requirement> requirements;

    private LabelSelector(String text, List<Requirement> requirements) {
        this.text = text;
        this.requirements = List.copyOf(requirements);
    }

    /**
     * Parses a selector.
     *
     * @throws IllegalArgumentException in words, naming the position and what was expected there
     */
    public static LabelSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a selector is at most " + MAX_LENGTH + " characters");
        }
        return new LabelSelector(text.strip(), new Parser(text).requirements());
    }

    public boolean matches(Map<String, String> labels) {
        for (Requirement r : requirements) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    public boolean selectsEverything() {
        return requirements.isEmpty();
    }

    /** The selector as given (stripped). */
    @Override
    public String toString() {
        return text;
    }

    /** A small recursive-descent reader of the grammar above. */
    private static final class Parser {
        private final String s;
        private int at;

        Parser(String s) {
            this.s = s;
        }

        List<Requirement> requirements() {
            List<Requirement> out = new ArrayList<>();
            do {
                if (out.size() == MAX_REQUIREMENTS) {
                    throw new IllegalArgumentException("a selector has at most " + MAX_REQUIREMENTS + " requirements");
                }
                out.add(requirement());
                space();
            } while (eat(","));
            if (at < s.length()) {
                throw fail("expected ',' or the end");
            }
            return out;
        }

        private Requirement requirement() {
            space();
            if (eat("!")) {
                return new Requirement(key(), Op.NOT_EXISTS, Set.of());
            }
            String key = key();
            space();
            if (eat("==") || eat("=")) {
                return new Requirement(key, Op.EQUALS, Set.of(value()));
            }
            if (eat("!=")) {
                return new Requirement(key, Op.NOT_EQUALS, Set.of(value()));
            }
            if (word("notin")) {
                return new Requirement(key, Op.NOT_IN, set());
            }
            if (word("in")) {
                return new Requirement(key, Op.IN, set());
            }
            if (at == s.length() || s.charAt(at) == ',') {
                return new Requirement(key, Op.EXISTS, Set.of());
            }
            throw fail("expected =, ==, !=, in, notin, ',' or the end after key '" + key + "'");
        }

        private Set<String> set() {
            space();
            if (!eat("(")) {
                throw fail("expected '(' to open a set of values");
            }
            Set<String> values = new TreeSet<>();
            space();
            if (s.startsWith(")", at)) {
                throw fail("a set needs at least one value");
            }
            do {
                if (values.size() == MAX_VALUES) {
                    throw fail("a set has at most " + MAX_VALUES + " values");
                }
                values.add(value());
                space();
            } while (eat(","));
            if (!eat(")")) {
                throw fail("expected ',' or ')' in a set of values");
            }
            return values;
        }

        private String key() {
            space();
            String k = token();
            if (k.isEmpty()) {
                throw fail("expected a label key");
            }
            if (!Labels.validKey(k)) {
                throw fail("invalid label key '" + k + "': " + Labels.keyRule());
            }
            return k;
        }

        private String value() {
            space();
            String v = token();
            if (!Labels.validValue(v)) {
                throw fail("invalid label value '" + v + "': " + Labels.valueRule());
            }
            return v;
        }

        /** Letters, digits and the characters of keys and values. */
        private String token() {
            int start = at;
            while (at < s.length() && (Character.isLetterOrDigit(s.charAt(at)) || "-_./".indexOf(s.charAt(at)) >= 0)) {
                at++;
            }
            return s.substring(start, at);
        }

        /** A keyword followed by a space or '(' (so that a key such as "inside" is no keyword). */
        private boolean word(String w) {
            if (s.startsWith(w, at) && at + w.length() < s.length()
                    && (Character.isWhitespace(s.charAt(at + w.length())) || s.charAt(at + w.length()) == '(')) {
                at += w.length();
                return true;
            }
            return false;
        }

        private boolean eat(String t) {
            if (s.startsWith(t, at)) {
                at += t.length();
                return true;
            }
            return false;
        }

        private void space() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException fail(String what) {
            return new IllegalArgumentException("selector '" + s.strip() + "' at character " + (at + 1) + ": " + what);
        }
    }
}
