package dev.gcm.facilitydb.qemu;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A CPU model as QEMU's QMP speaks it: a model name and property switches, e.g.
 * {@code {"name": "z14-base", "props": {"vx": false}}}. Property order is kept as given.
 */
public record CpuModelInfo(String name, Map<String, Boolean> props) {

    public CpuModelInfo {
        Objects.requireNonNull(name, "name");
        props = props == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(props));
    }

    public static CpuModelInfo named(String name) {
        return new CpuModelInfo(name, Map.of());
    }

    /** A QEMU {@code -cpu} argument, e.g. {@code z14-base,vx=off,msa5=on}. */
    public String toCpuArgument() {
        StringBuilder sb = new StringBuilder(name);
        props.forEach((k, v) -> sb.append(',').append(k).append('=').append(v ? "on" : "off"));
        return sb.toString();
    }
}
