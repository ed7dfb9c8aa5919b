package dev.gcm.planner.grid;

import java.io.IOException;
import java.util.List;

/** A member's own decisions, newest last: what it answers when {@code GET /decisions} asks every member. */
@FunctionalInterface
public interface DecisionSource {

    /** The newest {@code limit} entries, oldest first. */
    List<String> newest(int limit) throws IOException;
}
