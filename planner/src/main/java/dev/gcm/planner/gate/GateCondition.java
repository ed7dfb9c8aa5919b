package dev.gcm.planner.gate;

/** One condition of the migration rule (DESIGN.md section 3); the gate approves when all of them hold. */
public interface GateCondition {

    /** A stable name (for answers and logs), e.g. {@code cpu-model}. */
    String name();

    ConditionResult check(GateInput in);
}
