package dev.gcm.planner.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The first entries of a list that can grow with the fleet, and how many there were: answers stay
 * small however large the question.
 *
 * @param items the first {@code max} entries, in order
 * @param count how many entries there were in all
 */
public record Capped<T>(List<T> items, int count) {

    public Capped {
        items = List.copyOf(items);
    }

    /** No entries. */
    public static <T> Capped<T> empty() {
        return new Capped<>(List.of(), 0);
    }

    /** Collects entries, keeping the first {@code max}. */
    public static final class Builder<T> {
        private final int max;
        private final List<T> items = new ArrayList<>();
        private int count;

        public Builder(int max) {
            this.max = max;
        }

        public void add(T item) {
            if (items.size() < max) {
                items.add(item);
            }
            count++;
        }

        /** Counts an entry beyond the first {@code max} without making it. */
        public void skip() {
            count++;
        }

        /** How many entries so far. */
        public int count() {
            return count;
        }

        /** Whether the next entry would be kept. */
        public boolean keeps() {
            return items.size() < max;
        }

        public Capped<T> build() {
            return new Capped<>(items, count);
        }
    }
}
