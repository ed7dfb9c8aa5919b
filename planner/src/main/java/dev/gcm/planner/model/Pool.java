package dev.gcm.planner.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gcm.facilitydb.gcm.GcmOptions;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A named set of hosts: those whose labels include every pair of {@code selector} ({@code default}, with
 * an empty selector, holds every host). A pool may pin a {@code floor} model (hosts that cannot run it
 * are quarantined, not counted), opt in to soft facilities, demand identical instruction blocking
 * ({@code strictIbc}: a guest or GCM below a member's lowest IBC is refused rather than run with its IBC
 * raised) and compute its GCM without QEMU's deprecated features ({@code deprecatedFeatures: off}). Stored
 * as JSON: entries written before {@code strictIbc} and {@code deprecatedFeatures} existed read as false and
 * {@code on}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pool(String name, Map<String, String> selector, CpuModelInfo floor, boolean soft, Boolean strictIbc,
                   String deprecatedFeatures) {

    public static final String DEFAULT = "default";
    /** {@code deprecatedFeatures}: the GCM keeps deprecated features the hosts share (the default). */
    public static final String ON = "on";
    /** {@code deprecatedFeatures}: the GCM leaves deprecated features out. */
    public static final String OFF = "off";
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public Pool {
        selector = selector == null ? Map.of() : Map.copyOf(selector);
        strictIbc = Boolean.TRUE.equals(strictIbc); // a boxed flag: entries stored before it existed read as false
        deprecatedFeatures = OFF.equals(deprecatedFeatures) ? OFF : ON;
    }

    public Pool(String name, Map<String, String> selector, CpuModelInfo floor, boolean soft) {
        this(name, selector, floor, soft, false, ON);
    }

    public static Pool defaultPool() {
        return new Pool(DEFAULT, Map.of(), null, false);
    }

    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** How this pool's GCM is computed. */
    @JsonIgnore
    public GcmOptions gcmOptions() {
        return new GcmOptions(strictIbc, OFF.equals(deprecatedFeatures));
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
