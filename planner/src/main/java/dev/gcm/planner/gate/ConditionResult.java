package dev.gcm.planner.gate;

import dev.gcm.planner.model.Reason;
import java.util.List;

/**
 * One condition of the migration rule, evaluated: whether it holds, the reasons when it does not, and
 * notices (which never reject) when it holds with something worth saying.
 */
public record ConditionResult(String condition, boolean holds, List<Reason> reasons, List<Reason> notices) {

    public ConditionResult {
        reasons = List.copyOf(reasons);
        notices = List.copyOf(notices);
        if (!holds && reasons.isEmpty()) {
            throw new IllegalArgumentException("condition " + condition + " fails without a reason");
        }
    }

    public static ConditionResult holds(String condition) {
        return new ConditionResult(condition, true, List.of(), List.of());
    }

    public static ConditionResult fails(String condition, List<Reason> reasons) {
        return new ConditionResult(condition, false, reasons, List.of());
    }
}
