package dev.gcm.planner.index;

/**
 * How many of a pool's members offer each feature, immutable: chunks of {@value #CHUNK} counters, so a
 * change copies only the chunks of the features it touches (a host's update touches the few features its
 * models differ in), not every counter.
 */
final class FeatureCounts {

    private static final int CHUNK = 32;

    private final int[][] chunks;

    private FeatureCounts(int[][] chunks) {
        this.chunks = chunks;
    }

    static FeatureCounts zero(int limit) {
        int[][] c = new int[(limit + CHUNK - 1) / CHUNK][];
        for (int i = 0; i < c.length; i++) {
            c[i] = new int[CHUNK];
        }
        return new FeatureCounts(c);
    }

    int get(int feature) {
        return chunks[feature / CHUNK][feature % CHUNK];
    }

    /** The number of counters (a multiple of the chunk size, at least the catalog's limit). */
    int size() {
        return chunks.length * CHUNK;
    }

    /** A copy to change, sharing the chunks it does not change. */
    Editor edit() {
        return new Editor(chunks.clone());
    }

    /** Changes counters on its own copies of the chunks it touches. Not thread-safe. */
    static final class Editor {
        private final int[][] chunks;
        private final boolean[] copied;

        private Editor(int[][] chunks) {
            this.chunks = chunks;
            this.copied = new boolean[chunks.length];
        }

        void add(int feature, int delta) {
            int c = feature / CHUNK;
            if (!copied[c]) {
                chunks[c] = chunks[c].clone();
                copied[c] = true;
            }
            chunks[c][feature % CHUNK] += delta;
        }

        int get(int feature) {
            return chunks[feature / CHUNK][feature % CHUNK];
        }

        FeatureCounts done() {
            return new FeatureCounts(chunks);
        }
    }
}
