package dev.gcm.facilitydb.gcm;

import dev.gcm.facilitydb.model.CpuModel;
import java.util.List;
import java.util.Optional;

/**
 * The greatest common CPU model of a set of hosts, or the conflicts that make one impossible.
 *
 * @param model      the common model; empty when there is none
 * @param hostCount  how many hosts were combined
 * @param conflicts  why there is no common model (empty when there is one)
 */
public record GcmResult(Optional<CpuModel> model, int hostCount, List<GcmConflict> conflicts) {

    public GcmResult {
        conflicts = List.copyOf(conflicts);
        if (model.isPresent() != conflicts.isEmpty()) {
            throw new IllegalArgumentException("a GCM result has either a model or conflicts");
        }
    }

    static GcmResult common(CpuModel model, int hostCount) {
        return new GcmResult(Optional.of(model), hostCount, List.of());
    }

    static GcmResult none(int hostCount, List<GcmConflict> conflicts) {
        return new GcmResult(Optional.empty(), hostCount, conflicts);
    }

    public boolean hasCommonModel() {
        return model.isPresent();
    }

    /** One line a person can read: the first conflict's message, or the model's definition. */
    public String summary() {
        return model.map(m -> "common model " + m.definition().name() + " with " + m.features().size() + " features")
                .orElseGet(() -> conflicts.get(0).message());
    }
}
