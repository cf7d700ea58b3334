package io.tributary.runtime.viz;

/**
 * Graphviz DOT: left to right, one cluster per sub-topology, topic nodes outside the clusters,
 * shapes by kind and colours by lane ({@link LanePalette}).
 */
final class DotRenderer implements VizRenderer {
    @Override
    public String render(VizGraph graph) {
        StringBuilder b = new StringBuilder("digraph ").append(quote(graph.name())).append(" {\n");
        b.append("  rankdir=LR;\n");
        b.append("  node [fontname=\"Helvetica\", fontsize=10, style=\"filled\"];\n");
        b.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        for (VizGroup group : graph.groups()) {
            b.append("  subgraph ").append(quote("cluster_" + group.id())).append(" {\n");
            b.append("    label=").append(quote(group.label())).append(";\n");
            b.append("    style=\"rounded,dashed\"; color=").append(quote(LanePalette.GROUP_STROKE)).append(";\n");
            for (String id : group.nodeIds()) {
                b.append("    ");
                appendNode(b, graph.node(id));
            }
            b.append("  }\n");
        }
        for (VizNode node : graph.nodes()) {
            if (node.shape() == VizShape.TOPIC) {
                b.append("  ");
                appendNode(b, node);
            }
        }
        for (VizEdge edge : graph.edges()) {
            b.append("  ").append(quote(edge.from())).append(" -> ").append(quote(edge.to())).append(" [");
            b.append("color=").append(quote(edge.lane() == null ? LanePalette.TOPIC_STROKE : LanePalette.stroke(edge.lane())));
            if (edge.transport()) {
                b.append(", style=dashed");
            }
            if (!edge.label().isEmpty()) {
                b.append(", label=").append(quote(edge.label()));
            }
            b.append("];\n");
        }
        return b.append("}\n").toString();
    }

    private static void appendNode(StringBuilder b, VizNode node) {
        b.append(quote(node.id())).append(" [label=").append(quote(String.join("\n", node.labelLines())))
                .append(", shape=").append(shape(node.shape()))
                .append(node.shape() == VizShape.OPERATOR ? ", style=\"filled,rounded\"" : "")
                .append(", color=").append(quote(LanePalette.stroke(node)))
                .append(", fillcolor=").append(quote(LanePalette.fill(node)))
                .append(", tooltip=").append(quote(String.join("\n", node.details())))
                .append("];\n");
    }

    static String shape(VizShape shape) {
        switch (shape) {
            case SOURCE:
                return "invhouse";
            case ROUTE:
                return "diamond";
            case SINK:
                return "house";
            case TOPIC:
                return "cylinder";
            default:
                return "box";
        }
    }

    /** A DOT string literal; {@code \n} in text becomes a line break in the label. */
    static String quote(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
