package io.tributary.runtime.viz;

import io.tributary.api.Priority;

/**
 * The one colour scheme every renderer uses, so a lane looks the same in DOT, Mermaid, SVG and the
 * HTML page: CRITICAL red, HIGH orange, NORMAL blue, LOW grey. Topics (transport boundaries) are
 * drawn in a neutral green that no lane uses.
 */
public final class LanePalette {
    /** Outline of topic nodes and dashed transport edges. */
    public static final String TOPIC_STROKE = "#2e7d32";
    /** Fill of topic nodes. */
    public static final String TOPIC_FILL = "#e8f5e9";
    /** Outline of sub-topology boxes. */
    public static final String GROUP_STROKE = "#9e9e9e";

    private LanePalette() {
    }

    /** The lane's outline and edge colour, {@code #rrggbb}. */
    public static String stroke(Priority lane) {
        switch (lane) {
            case CRITICAL:
                return "#d32f2f";
            case HIGH:
                return "#f57c00";
            case NORMAL:
                return "#1976d2";
            default:
                return "#757575";
        }
    }

    /** A light tint of {@link #stroke(Priority)} for node backgrounds, {@code #rrggbb}. */
    public static String fill(Priority lane) {
        switch (lane) {
            case CRITICAL:
                return "#ffebee";
            case HIGH:
                return "#fff3e0";
            case NORMAL:
                return "#e3f2fd";
            default:
                return "#f5f5f5";
        }
    }

    /** Stroke for a node of the graph: its lane's colour, or the topic colour. */
    static String stroke(VizNode node) {
        return node.lane() == null ? TOPIC_STROKE : stroke(node.lane());
    }

    static String fill(VizNode node) {
        return node.lane() == null ? TOPIC_FILL : fill(node.lane());
    }
}
