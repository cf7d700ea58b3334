package io.tributary.api.graph;

import java.util.Objects;

/**
 * A directed edge between two nodes, by name.
 *
 * @param from upstream node name
 * @param to   downstream node name
 */
public record Edge(String from, String to) {
    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    @Override
    public String toString() {
        return from + " --> " + to;
    }
}
