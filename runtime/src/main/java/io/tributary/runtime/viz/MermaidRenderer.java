package io.tributary.runtime.viz;

import io.tributary.api.Priority;

import java.util.HashMap;
import java.util.Map;

/**
 * A Mermaid flowchart: one subgraph per sub-topology, shapes by kind, a class per lane with the
 * {@link LanePalette} colours. Mermaid ids are {@code n0, n1…} in node order because Mermaid
 * reads dots and stars in ids as syntax; the names are in the labels.
 */
final class MermaidRenderer implements VizRenderer {
    @Override
    public String render(VizGraph graph) {
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < graph.nodes().size(); i++) {
            ids.put(graph.nodes().get(i).id(), "n" + i);
        }
        StringBuilder b = new StringBuilder("flowchart LR\n");
        b.append("  %% topology ").append(graph.name()).append('\n');
        for (VizGroup group : graph.groups()) {
            b.append("  subgraph sub").append(group.id()).append("[\"").append(escape(group.label())).append("\"]\n");
            for (String id : group.nodeIds()) {
                b.append("    ");
                appendNode(b, ids.get(id), graph.node(id));
            }
            b.append("  end\n");
        }
        for (VizNode node : graph.nodes()) {
            if (node.shape() == VizShape.TOPIC) {
                b.append("  ");
                appendNode(b, ids.get(node.id()), node);
            }
        }
        for (VizEdge edge : graph.edges()) {
            b.append("  ").append(ids.get(edge.from())).append(edge.transport() ? " -.->" : " -->");
            if (!edge.label().isEmpty()) {
                b.append("|\"").append(escape(edge.label())).append("\"|");
            }
            b.append(' ').append(ids.get(edge.to())).append('\n');
        }
        for (Priority lane : Priority.values()) {
            b.append("  classDef lane").append(lane).append(" fill:").append(LanePalette.fill(lane))
                    .append(",stroke:").append(LanePalette.stroke(lane)).append(",stroke-width:2px\n");
        }
        b.append("  classDef topic fill:").append(LanePalette.TOPIC_FILL).append(",stroke:")
                .append(LanePalette.TOPIC_STROKE).append(",stroke-dasharray:4 2\n");
        for (VizNode node : graph.nodes()) {
            b.append("  class ").append(ids.get(node.id())).append(' ')
                    .append(node.lane() == null ? "topic" : "lane" + node.lane()).append('\n');
        }
        for (int i = 0; i < graph.edges().size(); i++) {
            VizEdge edge = graph.edges().get(i);
            String colour = edge.lane() == null ? LanePalette.TOPIC_STROKE : LanePalette.stroke(edge.lane());
            b.append("  linkStyle ").append(i).append(" stroke:").append(colour).append('\n');
        }
        return b.toString();
    }

    private static void appendNode(StringBuilder b, String id, VizNode node) {
        String label = "\"" + String.join("<br/>", node.labelLines().stream().map(MermaidRenderer::escape).toList()) + "\"";
        b.append(id);
        switch (node.shape()) {
            case SOURCE:
                b.append("[/").append(label).append("/]");
                break;
            case ROUTE:
                b.append('{').append(label).append('}');
                break;
            case SINK:
                b.append('>').append(label).append(']');
                break;
            case TOPIC:
                b.append("[(").append(label).append(")]");
                break;
            default:
                b.append('(').append(label).append(')');
        }
        b.append('\n');
    }

    /** Mermaid has no backslash escapes inside quoted labels; entity codes work. */
    private static String escape(String text) {
        return text.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
