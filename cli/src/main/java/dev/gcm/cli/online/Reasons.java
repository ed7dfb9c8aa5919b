package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The gate's reasons as one cell: "MISSING_FEATURES: ... (vxeh2, nnpa); MODEL_TOO_NEW: ...". */
final class Reasons {

    private Reasons() {
    }

    /** From {@code reasons[{code, message, features}]}, or a plain {@code reason}; "-" when neither is there. */
    static String text(JsonNode item, boolean wide) {
        if (item.hasNonNull("reason") && !item.has("reasons")) {
            return item.path("reason").asText();
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode r : item.path("reasons")) {
            if (r.isTextual()) {
                parts.add(r.asText());
                continue;
            }
            String features = r.path("features").isEmpty() ? ""
                    : " (" + Cells.some(r.path("features"), wide ? Integer.MAX_VALUE : 6) + ")";
            parts.add(r.path("code").asText() + (r.hasNonNull("message") ? ": " + r.path("message").asText() : "")
                    + features);
        }
        return parts.isEmpty() ? "-" : String.join("; ", parts);
    }
}
