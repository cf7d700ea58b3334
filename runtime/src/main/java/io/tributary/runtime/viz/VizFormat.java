package io.tributary.runtime.viz;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats of {@code tributary viz}, each with its renderer. */
public enum VizFormat {
    /** Plain text, for terminals and diffs. */
    TEXT(new TextRenderer()),
    /** Graphviz DOT; sub-topologies are clusters. */
    DOT(new DotRenderer()),
    /** Mermaid flowchart (GitHub renders it in Markdown); sub-topologies are subgraphs. */
    MERMAID(new MermaidRenderer()),
    /** A standalone SVG laid out in Java (no Graphviz needed). */
    SVG(new SvgRenderer()),
    /** One HTML file: the SVG, a legend and hover highlighting, no external assets. */
    HTML(new HtmlRenderer());

    private final VizRenderer renderer;

    VizFormat(VizRenderer renderer) {
        this.renderer = renderer;
    }

    public String render(VizGraph graph) {
        return renderer.render(graph);
    }

    /** The format named {@code name}, case-insensitive. @throws IllegalArgumentException listing the formats */
    public static VizFormat parse(String name) {
        for (VizFormat format : values()) {
            if (format.name().equalsIgnoreCase(name.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; formats: " + Arrays.stream(values())
                .map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
