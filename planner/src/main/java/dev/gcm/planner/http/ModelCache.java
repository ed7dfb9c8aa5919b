package dev.gcm.planner.http;

import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolved guest models of migration checks, by the model as given: a fleet's guests run a few dozen
 * models, asked thousands of times a second. Bounded ({@value #MAX} entries; when full it starts over),
 * so a caller sending ever new models costs memory no more than that. Only models that resolve are kept.
 */
final class ModelCache {

    static final int MAX = 4096;

    private final ModelResolver resolver;
    private final ConcurrentHashMap<CpuModelInfo, CpuModel> resolved = new ConcurrentHashMap<>();

    ModelCache(ModelResolver resolver) {
        this.resolver = resolver;
    }

    /** As {@link ModelResolver#resolve}, from the cache when this model was resolved before. */
    CpuModel resolve(CpuModelInfo info) {
        CpuModel known = resolved.get(info);
        if (known != null) {
            return known;
        }
        CpuModel m = resolver.resolve(info);
        if (resolved.size() >= MAX) {
            resolved.clear();
        }
        resolved.put(info, m);
        return m;
    }
}
