package io.tributary.runtime.viz;

import io.tributary.api.Priority;

import java.util.List;

/**
 * A standalone SVG from {@link LayeredLayout}. Element ids are stable so a live page can address
 * parts by name: {@code node-<name>} (a {@code <g>} with {@code data-name}), an empty
 * {@code <text id="rate-node-<name>">} under each node for a live rate, {@code edge-<from>--<to>}
 * (with {@code data-from}/{@code data-to}) and {@code group-<id>}. Classes carry the kind
 * ({@code kind-source}…) and lane ({@code lane-HIGH}…) for styling.
 */
final class SvgRenderer implements VizRenderer {
    private static final int SLANT = 10;

    @Override
    public String render(VizGraph graph) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgElement(graph);
    }

    /** The {@code <svg>} element alone, for embedding in HTML. */
    String svgElement(VizGraph graph) {
        Layout layout = LayeredLayout.of(graph);
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tributary-topology\" data-topology=\"")
                .append(Markup.escape(graph.name())).append("\" width=\"").append(layout.width())
                .append("\" height=\"").append(layout.height()).append("\" viewBox=\"0 0 ")
                .append(layout.width()).append(' ').append(layout.height())
                .append("\" font-family=\"monospace\" font-size=\"12\">\n");
        b.append("<title>topology ").append(Markup.escape(graph.name())).append("</title>\n");
        appendMarkers(b);
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        b.append("<g id=\"groups\">\n");
        for (int g = 0; g < graph.groups().size(); g++) {
            VizGroup group = graph.groups().get(g);
            Layout.Box box = layout.groups().get(g);
            b.append("<g id=\"").append(group.elementId()).append("\" class=\"group\">")
                    .append("<rect x=\"").append(box.x()).append("\" y=\"").append(box.y())
                    .append("\" width=\"").append(box.w()).append("\" height=\"").append(box.h())
                    .append("\" rx=\"8\" fill=\"#fafafa\" stroke=\"").append(LanePalette.GROUP_STROKE)
                    .append("\" stroke-dasharray=\"6 3\"/>")
                    .append("<text x=\"").append(box.x() + 8).append("\" y=\"").append(box.y() + 16)
                    .append("\" fill=\"#616161\">").append(Markup.escape(group.label())).append("</text></g>\n");
        }
        b.append("</g>\n<g id=\"edges\">\n");
        for (int e = 0; e < graph.edges().size(); e++) {
            appendEdge(b, graph.edges().get(e), layout.edges().get(e));
        }
        b.append("</g>\n<g id=\"nodes\">\n");
        for (VizNode node : graph.nodes()) {
            appendNode(b, node, layout.nodes().get(node.id()));
        }
        return b.append("</g>\n</svg>\n").toString();
    }

    private static void appendMarkers(StringBuilder b) {
        b.append("<defs>\n");
        for (Priority lane : Priority.values()) {
            appendMarker(b, "arrow-" + lane, LanePalette.stroke(lane));
        }
        appendMarker(b, "arrow-topic", LanePalette.TOPIC_STROKE);
        b.append("</defs>\n");
    }

    private static void appendMarker(StringBuilder b, String id, String colour) {
        b.append("<marker id=\"").append(id).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" ")
                .append("markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
                .append(colour).append("\"/></marker>\n");
    }

    private static void appendEdge(StringBuilder b, VizEdge edge, Layout.Curve curve) {
        String lane = edge.lane() == null ? "topic" : edge.lane().name();
        String colour = edge.lane() == null ? LanePalette.TOPIC_STROKE : LanePalette.stroke(edge.lane());
        b.append("<g id=\"").append(Markup.escape(edge.id())).append("\" class=\"edge lane-").append(lane)
                .append(edge.transport() ? " transport" : "").append("\" data-from=\"").append(Markup.escape(edge.from()))
                .append("\" data-to=\"").append(Markup.escape(edge.to())).append("\">")
                .append("<path d=\"").append(curve.path()).append("\" fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"1.6\"").append(edge.transport() ? " stroke-dasharray=\"5 3\"" : "")
                .append(" marker-end=\"url(#arrow-").append(lane).append(")\"/>");
        if (!edge.label().isEmpty()) {
            b.append("<text x=\"").append(curve.midX()).append("\" y=\"").append(curve.midY() - 4)
                    .append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"").append(colour).append("\">")
                    .append(Markup.escape(edge.label())).append("</text>");
        }
        b.append("</g>\n");
    }

    private static void appendNode(StringBuilder b, VizNode node, Layout.Box box) {
        String lane = node.lane() == null ? "topic" : node.lane().name();
        b.append("<g id=\"").append(Markup.escape(node.id())).append("\" class=\"node kind-").append(node.shape().label())
                .append(" lane-").append(lane).append("\" data-name=\"").append(Markup.escape(node.name())).append("\">");
        b.append("<title>").append(Markup.escape(tooltip(node))).append("</title>");
        String paint = " fill=\"" + LanePalette.fill(node) + "\" stroke=\"" + LanePalette.stroke(node) + "\" stroke-width=\"2\"";
        b.append(outline(node.shape(), box)).append(paint);
        if (node.shape() == VizShape.TOPIC) {
            b.append(" stroke-dasharray=\"4 2\"");
        }
        b.append("/>");
        List<String> lines = node.labelLines();
        int centerX = box.x() + box.w() / 2;
        int firstBaseline = box.y() + 6 + LayeredLayout.LINE_HEIGHT - 3;
        b.append("<text x=\"").append(centerX).append("\" y=\"").append(firstBaseline)
                .append("\" text-anchor=\"middle\" fill=\"#212121\">");
        for (int k = 0; k < lines.size(); k++) {
            b.append("<tspan x=\"").append(centerX).append('"');
            if (k > 0) {
                b.append(" dy=\"").append(LayeredLayout.LINE_HEIGHT).append("\" font-size=\"10\" fill=\"#616161\"");
            } else {
                b.append(" font-weight=\"bold\"");
            }
            b.append('>').append(Markup.escape(lines.get(k))).append("</tspan>");
        }
        b.append("</text>");
        b.append("<text id=\"rate-").append(Markup.escape(node.id())).append("\" class=\"rate\" x=\"").append(centerX)
                .append("\" y=\"").append(box.y() + box.h() + 10).append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"")
                .append(LanePalette.stroke(node)).append("\"></text>");
        b.append("</g>\n");
    }

    private static String tooltip(VizNode node) {
        StringBuilder t = new StringBuilder(node.name()).append(" (").append(node.type().toLowerCase(java.util.Locale.ROOT)).append(')');
        if (node.plugin() != null) {
            t.append("\n").append(node.plugin());
        }
        node.details().forEach(d -> t.append('\n').append(d));
        return t.toString();
    }

    /** The opening of the node's outline element, without paint and without the closing {@code />}. */
    static String outline(VizShape shape, Layout.Box r) {
        int x = r.x();
        int y = r.y();
        int x2 = r.x() + r.w();
        int y2 = r.y() + r.h();
        int cy = r.centerY();
        switch (shape) {
            case SOURCE: // an arrow pointing into the graph
                return polygon(x, y, x2 - SLANT, y, x2, cy, x2 - SLANT, y2, x, y2);
            case SINK: // a flag with a notch: the end of the line
                return polygon(x, y, x2, y, x2, y2, x, y2, x + SLANT, cy);
            case ROUTE: // a hexagon: a decision
                return polygon(x + SLANT, y, x2 - SLANT, y, x2, cy, x2 - SLANT, y2, x + SLANT, y2, x, cy);
            case TOPIC: // a pill: a pipe between processes
                return "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + r.w() + "\" height=\"" + r.h()
                        + "\" rx=\"" + r.h() / 2 + "\"";
            default:
                return "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + r.w() + "\" height=\"" + r.h() + "\" rx=\"6\"";
        }
    }

    private static String polygon(int... xy) {
        StringBuilder b = new StringBuilder("<polygon points=\"");
        for (int k = 0; k < xy.length; k += 2) {
            b.append(k == 0 ? "" : " ").append(xy[k]).append(',').append(xy[k + 1]);
        }
        return b.append('"').toString();
    }
}
