package io.tributary.runtime.compile;

import io.tributary.api.dsl.internal.GraphNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Node names identify nodes in descriptions, metrics and errors: they must be unique. */
final class NameCheck implements Check {
    @Override
    public void check(LogicalGraph graph, List<Problem> problems) {
        Map<String, List<GraphNode>> byName = new LinkedHashMap<>();
        for (GraphNode node : graph.nodes()) {
            byName.computeIfAbsent(node.name(), n -> new ArrayList<>()).add(node);
        }
        byName.forEach((name, nodes) -> {
            if (nodes.size() > 1) {
                List<String> types = new ArrayList<>();
                nodes.forEach(n -> types.add(n.type() + " #" + n.id()));
                problems.add(new Problem(name, "the name is used by " + nodes.size() + " nodes " + types
                        + ": give each a distinct Named.as(...)"));
            }
        });
    }
}
