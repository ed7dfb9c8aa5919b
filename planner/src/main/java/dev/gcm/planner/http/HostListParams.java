package dev.gcm.planner.http;

import dev.gcm.planner.query.ContinueToken;
import dev.gcm.planner.query.HostQuery;
import dev.gcm.planner.query.HostState;
import dev.gcm.planner.query.LabelSelector;
import io.vertx.core.MultiMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The query string of {@code GET /hosts}: {@code limit}, {@code continue}, {@code pool}, {@code state} (one or
 * more, comma-separated: any of them) and {@code selector} (Kubernetes label-selector syntax). Anything else, or
 * a value that does not parse, is 400 INVALID_PARAMETER saying which and why.
 */
final class HostListParams {

    static final List<String> NAMES = List.of("limit", "continue", "pool", "state", "selector");

    private HostListParams() {
    }

    static HostQuery parse(MultiMap params) {
        for (String name : params.names()) {
            if (!NAMES.contains(name)) {
                throw invalid("unknown parameter '" + ApiError.cut(name) + "'; the host list takes "
                        + String.join(", ", NAMES));
            }
            if (params.getAll(name).size() > 1) {
                throw invalid(name + " is given more than once");
            }
        }
        int limit = 0;
        String l = params.get("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > HostQuery.MAX_LIMIT) {
                throw invalid("limit must be a whole number from 1 to " + HostQuery.MAX_LIMIT
                        + " (leave it out for every host)");
            }
        }
        Set<HostState> states = EnumSet.noneOf(HostState.class);
        String st = params.get("state");
        if (st != null) {
            for (String one : st.split(",", -1)) {
                try {
                    states.add(HostState.parse(one));
                } catch (IllegalArgumentException e) {
                    throw invalid("state: " + ApiError.cut(e.getMessage()));
                }
            }
        }
        Optional<String> pool = Optional.ofNullable(params.get("pool")).filter(p -> !p.isBlank());
        if (pool.isPresent() && pool.get().length() > BodyFields.MAX_HOST_ID) {
            throw invalid("pool is no pool name");
        }
        LabelSelector selector;
        try {
            selector = LabelSelector.parse(params.get("selector"));
        } catch (IllegalArgumentException e) {
            throw invalid(ApiError.cut(e.getMessage()));
        }
        String token = params.get("continue");
        if (token != null && token.length() > ContinueToken.MAX_LENGTH) {
            throw invalid("continue is not a token this planner gave; start again without it");
        }
        try {
            return new HostQuery(pool, states, selector, limit, Optional.ofNullable(token).filter(t -> !t.isEmpty()));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static ApiError invalid(String message) {
        return ApiError.badRequest("INVALID_PARAMETER", message);
    }
}
