package dev.gcm.planner.model;

/** A pool as the grid keeps it (hard state): its definition as JSON and the revision of its last change. */
public record PoolEntry(String name, String json, long revision) implements Revisioned {
}
