package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.cli.Suggest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "no host 'lpar-3'" becomes "no host 'lpar-3' (did you mean 'lpar-03'?)", from the planner's own lists. */
final class NotFoundHints {

    private static final Pattern NO_SUCH = Pattern.compile("no (host|pool) '([^']*)'");

    private NotFoundHints() {
    }

    static PlannerErrorException withSuggestions(PlannerErrorException e, PlannerClient client) {
        Matcher m = NO_SUCH.matcher(String.valueOf(e.getMessage()));
        if (e.status() != 404 || !m.find()) {
            return e;
        }
        try {
            String hint = Suggest.hint(m.group(2), names(client, m.group(1)));
            return hint.isEmpty() ? e : new PlannerErrorException(e.status(), e.code(), e.getMessage() + hint);
        } catch (RuntimeException lookupFailed) {
            return e; // the hint is a courtesy; the planner's answer stands
        }
    }

    /** The planner's host or pool names. */
    static List<String> names(PlannerClient client, String kind) {
        List<String> out = new ArrayList<>();
        if ("host".equals(kind)) {
            client.get("/hosts").path("hosts").forEach(h -> out.add(h.path("hostId").asText()));
        } else {
            client.get("/pools").path("pools").forEach(p -> out.add(p.path("name").asText()));
        }
        return out;
    }

    /** The suggestion for a name in a gate reason (TARGET_UNKNOWN), or "". */
    static String forTarget(JsonNode answer, String target, PlannerClient client) {
        for (JsonNode r : answer.path("reasons")) {
            if ("TARGET_UNKNOWN".equals(r.path("code").asText())) {
                try {
                    return Suggest.hint(target, names(client, "host"));
                } catch (RuntimeException lookupFailed) {
                    return "";
                }
            }
        }
        return "";
    }
}
