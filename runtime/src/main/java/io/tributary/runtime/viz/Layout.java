package io.tributary.runtime.viz;

import java.util.List;
import java.util.Map;

/**
 * Positions for a {@link VizGraph}, in whole pixels: a box per node (by node id), a rectangle per
 * group, a cubic curve per edge (in {@link VizGraph#edges()} order). Computed once by
 * {@link LayeredLayout}; the SVG renderer draws it and a live page can keep it while only numbers
 * change.
 */
record Layout(int width, int height, Map<String, Box> nodes, List<Box> groups, List<Curve> edges) {

    /** A rectangle: top-left corner and size. */
    record Box(int x, int y, int w, int h) {
        int centerY() {
            return y + h / 2;
        }
    }

    /**
     * An edge from (x1, y1) on the right of its source to (x2, y2) on the left of its target: one
     * cubic Bézier, or, when nodes stand in the way of an edge that skips columns, a detour along
     * the free horizontal line {@code channelY} below them.
     */
    record Curve(int x1, int y1, int x2, int y2, int channelY) {
        static final int DIRECT = -1;
        private static final int STEP = LayeredLayout.GAP_X / 4;

        String path() {
            if (channelY == DIRECT) {
                int bend = Math.max(LayeredLayout.GAP_X / 2, (x2 - x1) / 2);
                return "M" + x1 + "," + y1 + " C" + (x1 + bend) + "," + y1 + " " + (x2 - bend) + "," + y2
                        + " " + x2 + "," + y2;
            }
            return "M" + x1 + "," + y1 + " C" + (x1 + STEP) + "," + y1 + " " + (x1 + STEP) + "," + channelY
                    + " " + (x1 + 2 * STEP) + "," + channelY + " L" + (x2 - 2 * STEP) + "," + channelY
                    + " C" + (x2 - STEP) + "," + channelY + " " + (x2 - STEP) + "," + y2 + " " + x2 + "," + y2;
        }

        /** Where a label goes: the middle of the curve or of the detour. */
        int midX() {
            return (x1 + x2) / 2;
        }

        int midY() {
            return channelY == DIRECT ? (y1 + y2) / 2 : channelY;
        }
    }
}
