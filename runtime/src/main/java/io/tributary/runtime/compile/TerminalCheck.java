package io.tributary.runtime.compile;

import io.tributary.api.dsl.internal.GraphNode;
import io.tributary.api.graph.NodeKind;

import java.util.List;

/** Every stream ends in a sink: a node that is not one must have a successor. */
final class TerminalCheck implements Check {
    @Override
    public void check(LogicalGraph graph, List<Problem> problems) {
        for (GraphNode node : graph.nodes()) {
            if (node.type().kind() != NodeKind.SINK && node.children().isEmpty()) {
                problems.add(new Problem(node.name(), "dangling stream: it ends at this " + node.type()
                        + " node without a terminal; end it with to(...) or forEach(...)"));
            }
        }
    }
}
