package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Small renderings shared by the online tables. */
final class Cells {

    private Cells() {
    }

    /** 42s, 5m, 3h, 2d. */
    static String age(long seconds) {
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 2 * 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 2 * 86400) {
            return seconds / 3600 + "h";
        }
        return seconds / 86400 + "d";
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static String joined(JsonNode array) {
        return String.join(",", strings(array));
    }

    /** At most {@code max} names, then "and N more". */
    static String some(JsonNode array, int max) {
        return dev.gcm.cli.output.Names.some(strings(array), max);
    }

    static String ibcRange(JsonNode host) {
        return host.has("ibcLowest") ? host.path("ibcLowest").asText() + ".." + host.path("ibcUnblocked").asText() : "-";
    }

    static String selector(JsonNode selector) {
        return selector(selector, "(all hosts)");
    }

    /** key=value,key=value in key order; {@code none} when there are none. */
    static String selector(JsonNode labels, String none) {
        List<String> parts = new ArrayList<>();
        labels.fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
        parts.sort(null);
        return parts.isEmpty() ? none : String.join(",", parts);
    }
}
