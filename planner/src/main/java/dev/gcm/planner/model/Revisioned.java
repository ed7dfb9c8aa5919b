package dev.gcm.planner.model;

/** A grid entry that carries the revision of its last write (see {@link Revisions}). */
public interface Revisioned {

    long revision();
}
