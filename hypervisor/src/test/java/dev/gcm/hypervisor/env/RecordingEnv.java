package dev.gcm.hypervisor.env;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** An environment that remembers which variables were asked for, for tests of configuration classes. */
public final class RecordingEnv extends HashMap<String, String> {

    private final Set<String> asked = new TreeSet<>();

    public RecordingEnv(Map<String, String> values) {
        super(values);
    }

    @Override
    public String get(Object key) {
        asked.add(String.valueOf(key));
        return super.get(key);
    }

    @Override
    public String getOrDefault(Object key, String fallback) {
        asked.add(String.valueOf(key));
        return super.getOrDefault(key, fallback);
    }

    @Override
    public boolean containsKey(Object key) {
        asked.add(String.valueOf(key));
        return super.containsKey(key);
    }

    public Set<String> asked() {
        return asked;
    }
}
