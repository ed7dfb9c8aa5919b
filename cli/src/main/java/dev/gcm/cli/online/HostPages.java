package dev.gcm.cli.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the planner's host list a page at a time ({@code GET /hosts?limit=...&continue=...}), as kubectl walks a
 * list in chunks: filters on every request, the next page after the last host of the one before, until the list
 * ends or {@code most} hosts are in.
 *
 * @param pool      only the hosts this pool counts, or null
 * @param states    any of these states (fresh, stale, cordoned, leaving, ready); empty: any
 * @param selector  a Kubernetes label selector, or null
 * @param chunkSize hosts per request; 0: every host in one request
 * @param most      the most hosts in all; 0: every matching host
 */
record HostPages(String pool, List<String> states, String selector, int chunkSize, int most) {

    /** The largest page the planner gives. */
    static final int MAX_CHUNK = 10_000;

    HostPages {
        states = List.copyOf(states);
        if (chunkSize < 0 || chunkSize > MAX_CHUNK) {
            throw new IllegalArgumentException("--chunk-size must be from 0 (one request) to " + MAX_CHUNK);
        }
        if (most < 0) {
            throw new IllegalArgumentException("--limit must be 1 or more");
        }
    }

    /** Every matching host (up to {@code most}): {@code {version, total, hosts}} as one list. */
    ObjectNode fetch(PlannerClient client) {
        ArrayNode hosts = JsonNodeFactory.instance.arrayNode();
        JsonNode page;
        String token = null;
        do {
            int size = chunkSize;
            if (most > 0) {
                int left = most - hosts.size();
                size = size == 0 ? left : Math.min(size, left);
            }
            page = client.get("/hosts" + query(size, token));
            page.path("hosts").forEach(hosts::add);
            token = page.path("continue").asText(null);
        } while (token != null && (most == 0 || hosts.size() < most));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("version", page.path("version").asLong()).put("total", page.path("total").asInt(hosts.size()));
        return out.set("hosts", hosts);
    }

    private String query(int size, String token) {
        List<String> params = new ArrayList<>();
        if (size > 0) {
            params.add("limit=" + size);
        }
        add(params, "pool", pool);
        add(params, "state", states.isEmpty() ? null : String.join(",", states));
        add(params, "selector", selector);
        add(params, "continue", token);
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }

    private static void add(List<String> params, String name, String value) {
        if (value != null && !value.isEmpty()) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
