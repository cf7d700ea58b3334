package io.tributary.runtime.viz;

import java.util.List;

/**
 * A plain-text drawing: each sub-topology with its nodes (shape, lane, plugin, settings), the
 * topics at its boundaries, then every edge.
 */
final class TextRenderer implements VizRenderer {
    @Override
    public String render(VizGraph graph) {
        StringBuilder b = new StringBuilder("topology ").append(graph.name()).append('\n');
        for (VizGroup group : graph.groups()) {
            b.append("  ").append(group.label()).append('\n');
            for (String id : group.nodeIds()) {
                appendNode(b, graph.node(id));
            }
        }
        List<VizNode> topics = graph.nodes().stream().filter(n -> n.shape() == VizShape.TOPIC).toList();
        if (!topics.isEmpty()) {
            b.append("  topics\n");
            topics.forEach(topic -> appendNode(b, topic));
        }
        b.append("  edges\n");
        for (VizEdge edge : graph.edges()) {
            b.append("    ").append(graph.node(edge.from()).name())
                    .append(edge.transport() ? " ..> " : " --> ").append(graph.node(edge.to()).name());
            if (edge.lane() != null) {
                b.append("  [").append(edge.lane()).append(']');
            }
            if (!edge.label().isEmpty()) {
                b.append("  (").append(edge.label()).append(')');
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static void appendNode(StringBuilder b, VizNode node) {
        b.append("    ").append(String.format("%-11s", "[" + node.shape().label() + "]")).append(node.name());
        if (node.shape() == VizShape.TOPIC) {
            b.append("  (").append(node.type()).append(')');
            if (node.plugin() != null) {
                b.append("  ").append(node.plugin());
            }
            b.append('\n');
            return;
        }
        b.append("  ").append(node.type());
        if (node.plugin() != null) {
            b.append("  ").append(node.plugin());
        }
        b.append('\n');
        for (String detail : node.details()) {
            b.append("               ").append(detail).append('\n');
        }
    }
}
