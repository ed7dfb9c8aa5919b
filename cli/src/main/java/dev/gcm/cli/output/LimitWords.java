package dev.gcm.cli.output;

import java.util.ArrayList;
import java.util.List;

/** How the CLI says what a limiting host does to a GCM. */
public final class LimitWords {

    private LimitWords() {
    }

    /** For a CAPS column: "generation", "IBC", both, or "-". */
    public static String caps(boolean generation, boolean ibc) {
        return generation && ibc ? "generation, IBC" : generation ? "generation" : ibc ? "IBC" : "-";
    }

    /** A sentence: "caps the generation (z13); caps the IBC; lacks a, b" (deprecated features first). */
    public static String sentence(boolean generation, String definition, boolean ibc, List<String> removes) {
        List<String> parts = new ArrayList<>();
        if (generation) {
            parts.add("caps the generation (" + definition + ")");
        }
        if (ibc) {
            parts.add("caps the IBC (its unblocked level is the lowest)");
        }
        if (!removes.isEmpty()) {
            parts.add("lacks " + String.join(", ", removes));
        }
        return String.join("; ", parts);
    }

    /** For a REMOVES column: the features, the deprecated ones first and marked, e.g. "csske*,bpb*,vx". */
    public static String removes(List<String> removes, List<String> deprecated) {
        return String.join(",", removes.stream().map(f -> deprecated.contains(f) ? f + "*" : f).toList());
    }
}
