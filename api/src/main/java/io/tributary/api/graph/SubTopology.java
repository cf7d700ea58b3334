package io.tributary.api.graph;

import java.util.List;

/**
 * A connected part of a topology: nodes that exchange messages directly. Sub-topologies only meet
 * through topics.
 *
 * @param id    0, 1, … in the order of their first node
 * @param nodes node names, in node id order
 */
public record SubTopology(int id, List<String> nodes) {
    public SubTopology {
        nodes = List.copyOf(nodes);
    }
}
