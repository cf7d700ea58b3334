package io.tributary.runtime.compile;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.internal.GraphNode;
import io.tributary.api.graph.NodeDescription;
import io.tributary.api.graph.TopologyDescription;

import java.util.List;

/** What the passes read: the logical nodes with their functions, and the description's static lanes. */
final class LogicalGraph {
    private final Topology topology;
    private final List<GraphNode> nodes;
    private final TopologyDescription description;

    LogicalGraph(Topology topology) {
        this.topology = topology;
        this.nodes = topology.internalGraph().nodes();
        this.description = topology.describe();
    }

    String name() {
        return topology.name();
    }

    /** In id order: parents before children. */
    List<GraphNode> nodes() {
        return nodes;
    }

    TopologyDescription description() {
        return description;
    }

    NodeDescription describe(GraphNode node) {
        return description.nodes().get(node.id());
    }

    Priority lane(GraphNode node) {
        return describe(node).lane();
    }

    boolean routedLane(GraphNode node) {
        return describe(node).routedLane();
    }
}
