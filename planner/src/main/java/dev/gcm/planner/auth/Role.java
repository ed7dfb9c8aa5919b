package dev.gcm.planner.auth;

/** What a token may do. */
public enum Role {
    /** Writes its own host's record, nothing else. */
    AGENT,
    /** Reads hosts, pools, GCMs and decisions. */
    READER,
    /** Reads, and asks for migration decisions, plans, what-ifs, baselines and comparisons. */
    GATE,
    /** Everything, including pools, cordon and decommission. */
    ADMIN
}
