package dev.gcm.planner.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One reason a migration is rejected: a stable code, words for people, and the features at issue. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Reason(ReasonCode code, String message, List<String> features) {

    public Reason {
        features = features == null ? List.of() : List.copyOf(features);
    }

    public static Reason of(ReasonCode code, String message) {
        return new Reason(code, message, List.of());
    }
}
