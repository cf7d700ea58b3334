package io.tributary.runtime.viz;

import io.tributary.api.Priority;

/**
 * One self-contained HTML page: the SVG inline, a legend (lanes and shapes) and a few lines of
 * CSS and script that highlight a node's edges and neighbours on hover. No external assets, so
 * the file opens offline and can be attached to a ticket.
 */
final class HtmlRenderer implements VizRenderer {
    private static final String STYLE = String.join("\n",
            "body { font-family: system-ui, sans-serif; margin: 16px; color: #212121; }",
            "h1 { font-size: 18px; margin: 0 0 8px; }",
            ".legend { display: flex; flex-wrap: wrap; gap: 14px; font-size: 13px; margin-bottom: 12px; align-items: center; }",
            ".legend span { display: inline-flex; align-items: center; gap: 5px; }",
            ".swatch { width: 14px; height: 14px; border-radius: 3px; border: 2px solid; display: inline-block; }",
            "svg.tributary-topology .node { cursor: pointer; }",
            "svg.tributary-topology.focus .node, svg.tributary-topology.focus .edge { opacity: 0.2; }",
            "svg.tributary-topology.focus .hl { opacity: 1; }",
            "svg.tributary-topology .edge.hl path { stroke-width: 3; }",
            "#details { font-family: monospace; font-size: 12px; white-space: pre; min-height: 4em; margin-top: 8px; }");

    private static final String SCRIPT = String.join("\n",
            "(function () {",
            "  var svg = document.querySelector('svg.tributary-topology');",
            "  var details = document.getElementById('details');",
            "  var edges = Array.prototype.slice.call(svg.querySelectorAll('.edge'));",
            "  function clear() {",
            "    svg.classList.remove('focus');",
            "    svg.querySelectorAll('.hl').forEach(function (e) { e.classList.remove('hl'); });",
            "    details.textContent = '';",
            "  }",
            "  svg.querySelectorAll('.node').forEach(function (node) {",
            "    node.addEventListener('mouseenter', function () {",
            "      svg.classList.add('focus');",
            "      node.classList.add('hl');",
            "      edges.forEach(function (edge) {",
            "        var from = edge.getAttribute('data-from'), to = edge.getAttribute('data-to');",
            "        if (from === node.id || to === node.id) {",
            "          edge.classList.add('hl');",
            "          document.getElementById(from === node.id ? to : from).classList.add('hl');",
            "        }",
            "      });",
            "      var title = node.querySelector('title');",
            "      details.textContent = title ? title.textContent : node.getAttribute('data-name');",
            "    });",
            "    node.addEventListener('mouseleave', clear);",
            "  });",
            "})();");

    private final SvgRenderer svg = new SvgRenderer();

    @Override
    public String render(VizGraph graph) {
        String name = Markup.escape(graph.name());
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        b.append("<title>").append(name).append(" - Tributary topology</title>\n");
        b.append("<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n");
        b.append("<h1>Topology ").append(name).append("</h1>\n");
        appendLegend(b);
        b.append(svg.svgElement(graph));
        b.append("<div id=\"details\"></div>\n");
        b.append("<script>\n").append(SCRIPT).append("\n</script>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void appendLegend(StringBuilder b) {
        b.append("<div class=\"legend\" id=\"legend\">\n");
        for (Priority lane : Priority.values()) {
            b.append("<span><i class=\"swatch\" style=\"background:").append(LanePalette.fill(lane))
                    .append(";border-color:").append(LanePalette.stroke(lane)).append("\"></i>")
                    .append(lane).append("</span>\n");
        }
        for (VizShape shape : VizShape.values()) {
            String stroke = shape == VizShape.TOPIC ? LanePalette.TOPIC_STROKE : "#424242";
            String fill = shape == VizShape.TOPIC ? LanePalette.TOPIC_FILL : "#ffffff";
            b.append("<span><svg width=\"36\" height=\"20\" viewBox=\"0 0 36 20\">")
                    .append(SvgRenderer.outline(shape, new Layout.Box(1, 1, 34, 18)))
                    .append(" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\"/></svg>")
                    .append(shape.label()).append("</span>\n");
        }
        b.append("</div>\n");
    }
}
