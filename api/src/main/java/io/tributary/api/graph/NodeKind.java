package io.tributary.api.graph;

/** The role of a node in a topology graph. */
public enum NodeKind {
    /** Where messages enter: a bus topic pattern or a venue plugin. */
    SOURCE,
    /** A transformation: filter, map, split, window, lane assignment… */
    OPERATOR,
    /** A routing decision: a policy that picks the lane and destination per message. */
    ROUTE,
    /** Where messages leave: a topic, a sink or execution plugin, or a callback. */
    SINK
}
