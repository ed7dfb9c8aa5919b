package dev.gcm.planner.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A named set of hosts: those whose labels include every pair of {@code selector} ({@code default}, with
 * an empty selector, holds every host). A pool may pin a {@code floor} model (hosts that cannot run it
 * are quarantined, not counted) and opt in to soft facilities.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pool(String name, Map<String, String> selector, CpuModelInfo floor, boolean soft) {

    public static final String DEFAULT = "default";
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public Pool {
        selector = selector == null ? Map.of() : Map.copyOf(selector);
    }

    public static Pool defaultPool() {
        return new Pool(DEFAULT, Map.of(), null, false);
    }

    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public boolean selects(Map<String, String> labels) {
        for (var e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
