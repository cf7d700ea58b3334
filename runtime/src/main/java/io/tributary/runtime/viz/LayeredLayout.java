package io.tributary.runtime.viz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small layered (Sugiyama-style) layout, left to right, in plain Java: topology graphs are
 * small DAGs, and a layout in a few dozen lines is deterministic, needs no native Graphviz and no
 * EMF-based library on the runtime class path.
 * <ol>
 *   <li>Layers: longest path from the inputs (a cycle, which validation would reject anyway, is
 *       broken at its first node); topics nobody reads go one layer after the last topology node.</li>
 *   <li>Bands: each sub-topology gets a horizontal band of its own, so its box never overlaps
 *       another; a topic joins the band of the first sub-topology it touches.</li>
 *   <li>Order: within a band, each layer is sorted by the barycentre of its neighbours' positions,
 *       sweeping right then left a few times (fewer crossings).</li>
 *   <li>Coordinates: a column per layer; a node sits level with the mean of its predecessors in
 *       the band, pushed down to clear the node above it.</li>
 * </ol>
 */
final class LayeredLayout {
    static final int MARGIN = 20;
    static final int GAP_X = 56;
    static final int GAP_Y = 18;
    static final int GROUP_PAD = 12;
    static final int GROUP_LABEL = 16;
    static final int GAP_BANDS = 28;
    static final int LINE_HEIGHT = 14;
    static final int RATE_SPACE = 12;
    private static final int SWEEPS = 4;

    private final VizGraph graph;
    private final List<VizNode> nodes;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<List<Integer>> preds = new ArrayList<>();
    private final List<List<Integer>> succs = new ArrayList<>();

    private LayeredLayout(VizGraph graph) {
        this.graph = graph;
        this.nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).id(), i);
            preds.add(new ArrayList<>());
            succs.add(new ArrayList<>());
        }
        for (VizEdge edge : graph.edges()) {
            int from = index.get(edge.from());
            int to = index.get(edge.to());
            succs.get(from).add(to);
            preds.get(to).add(from);
        }
    }

    static Layout of(VizGraph graph) {
        return new LayeredLayout(graph).layout();
    }

    /** Width of a box for these lines in the SVG's monospace 12px font (0.6 em per character). */
    static int width(List<String> lines) {
        int chars = lines.stream().mapToInt(String::length).max().orElse(0);
        return chars * 72 / 10 + 28;
    }

    static int height(List<String> lines) {
        return lines.size() * LINE_HEIGHT + 12;
    }

    private Layout layout() {
        int n = nodes.size();
        int[] layer = layers();
        int[] band = bands();
        int layerCount = 0;
        for (int l : layer) {
            layerCount = Math.max(layerCount, l + 1);
        }
        int bandCount = graph.groups().size() + 1;
        // cells[band][layer] = node indexes in drawing order
        List<List<List<Integer>>> cells = new ArrayList<>();
        for (int b = 0; b < bandCount; b++) {
            List<List<Integer>> row = new ArrayList<>();
            for (int l = 0; l < layerCount; l++) {
                row.add(new ArrayList<>());
            }
            cells.add(row);
        }
        for (int i = 0; i < n; i++) {
            cells.get(band[i]).get(layer[i]).add(i);
        }
        int[] position = new int[n];
        for (List<List<Integer>> row : cells) {
            renumber(row, position);
            for (int sweep = 0; sweep < SWEEPS; sweep++) {
                boolean rightward = sweep % 2 == 0;
                for (int k = 1; k < layerCount; k++) {
                    int l = rightward ? k : layerCount - 1 - k;
                    reorder(row.get(l), rightward ? preds : succs, band, position);
                }
                renumber(row, position);
            }
        }
        int[] w = new int[n];
        int[] h = new int[n];
        int[] columnWidth = new int[layerCount];
        for (int i = 0; i < n; i++) {
            List<String> lines = nodes.get(i).labelLines();
            w[i] = width(lines);
            h[i] = height(lines);
            columnWidth[layer[i]] = Math.max(columnWidth[layer[i]], w[i]);
        }
        int[] columnX = new int[layerCount];
        int x = MARGIN;
        for (int l = 0; l < layerCount; l++) {
            columnX[l] = x;
            x += columnWidth[l] + GAP_X;
        }
        int width = Math.max(2 * MARGIN, x - GAP_X + MARGIN);
        Map<String, Layout.Box> boxes = new LinkedHashMap<>();
        Layout.Box[] placed = new Layout.Box[n];
        List<Layout.Box> groups = new ArrayList<>();
        int top = MARGIN;
        for (int b = 0; b < bandCount; b++) {
            boolean grouped = b < graph.groups().size();
            int bandTop = top + (grouped ? GROUP_PAD + GROUP_LABEL : 0);
            int bottom = bandTop;
            for (int l = 0; l < layerCount; l++) {
                int cursor = bandTop;
                for (int i : cells.get(b).get(l)) {
                    int desired = cursor;
                    int sum = 0;
                    int count = 0;
                    for (int p : preds.get(i)) {
                        if (placed[p] != null && band[p] == b && layer[p] < l) {
                            sum += placed[p].centerY();
                            count++;
                        }
                    }
                    if (count > 0) {
                        desired = Math.max(cursor, sum / count - h[i] / 2);
                    }
                    placed[i] = new Layout.Box(columnX[l] + (columnWidth[l] - w[i]) / 2, desired, w[i], h[i]);
                    cursor = desired + h[i] + RATE_SPACE + GAP_Y;
                    bottom = Math.max(bottom, desired + h[i] + RATE_SPACE);
                }
            }
            if (grouped) {
                groups.add(groupBox(graph.groups().get(b), placed, top));
                top = bottom + GROUP_PAD + GAP_BANDS;
            } else if (bottom > bandTop) {
                top = bottom + GAP_BANDS;
            }
        }
        for (int i = 0; i < n; i++) {
            boxes.put(nodes.get(i).id(), placed[i]);
        }
        List<Layout.Curve> curves = new ArrayList<>();
        for (VizEdge edge : graph.edges()) {
            Layout.Box from = boxes.get(edge.from());
            Layout.Box to = boxes.get(edge.to());
            int x1 = from.x() + from.w();
            int x2 = to.x();
            curves.add(new Layout.Curve(x1, from.centerY(), x2, to.centerY(), channel(x1, from.centerY(), x2, to.centerY(), placed)));
        }
        return new Layout(width, Math.max(2 * MARGIN, top - GAP_BANDS + MARGIN), boxes, groups, curves);
    }

    /**
     * {@link Layout.Curve#DIRECT} when no node stands between the ends of an edge, else the first
     * horizontal line below the obstacles that crosses no node between the two columns.
     */
    private static int channel(int x1, int y1, int x2, int y2, Layout.Box[] boxes) {
        int left = x1 + GAP_X / 2;
        int right = x2 - GAP_X / 2;
        if (right <= left) {
            return Layout.Curve.DIRECT;
        }
        int lowY = Math.min(y1, y2) - 4;
        int highY = Math.max(y1, y2) + 4;
        int channel = Layout.Curve.DIRECT;
        for (Layout.Box box : boxes) {
            if (spans(box, left, right) && box.y() < highY && box.y() + box.h() > lowY) {
                channel = Math.max(channel, box.y() + box.h() + RATE_SPACE + 4);
            }
        }
        boolean moved = channel != Layout.Curve.DIRECT;
        while (moved) {
            moved = false;
            for (Layout.Box box : boxes) {
                if (spans(box, left, right) && box.y() - 4 < channel && box.y() + box.h() + RATE_SPACE + 4 > channel) {
                    channel = box.y() + box.h() + RATE_SPACE + 4;
                    moved = true;
                }
            }
        }
        return channel;
    }

    private static boolean spans(Layout.Box box, int left, int right) {
        return box.x() < right && box.x() + box.w() > left;
    }

    private Layout.Box groupBox(VizGroup group, Layout.Box[] placed, int top) {
        int minX = Integer.MAX_VALUE;
        int maxX = 0;
        int maxY = top;
        for (String id : group.nodeIds()) {
            Layout.Box box = placed[index.get(id)];
            minX = Math.min(minX, box.x());
            maxX = Math.max(maxX, box.x() + box.w());
            maxY = Math.max(maxY, box.y() + box.h() + RATE_SPACE);
        }
        if (minX == Integer.MAX_VALUE) {
            minX = MARGIN;
            maxX = MARGIN;
        }
        return new Layout.Box(minX - GROUP_PAD, top, maxX - minX + 2 * GROUP_PAD, maxY + GROUP_PAD - top);
    }

    /** Longest path from the inputs, breaking cycles at the lowest-numbered waiting node. */
    private int[] layers() {
        int n = nodes.size();
        int[] layer = new int[n];
        int[] waiting = new int[n];
        boolean[] done = new boolean[n];
        List<Integer> ready = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            waiting[i] = preds.get(i).size();
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        int finished = 0;
        while (finished < n) {
            if (ready.isEmpty()) {
                for (int i = 0; i < n; i++) {
                    if (!done[i]) {
                        ready.add(i);
                        break;
                    }
                }
            }
            int v = ready.remove(0);
            if (done[v]) {
                continue;
            }
            done[v] = true;
            finished++;
            for (int s : succs.get(v)) {
                if (!done[s]) {
                    layer[s] = Math.max(layer[s], layer[v] + 1);
                    if (--waiting[s] == 0) {
                        ready.add(s);
                    }
                }
            }
        }
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (nodes.get(i).shape() != VizShape.TOPIC) {
                last = Math.max(last, layer[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (nodes.get(i).shape() == VizShape.TOPIC && succs.get(i).isEmpty() && !preds.get(i).isEmpty()) {
                layer[i] = Math.max(layer[i], last + 1);
            }
        }
        return layer;
    }

    /** A band per group in group order; a topic takes its first grouped neighbour's band, else the last. */
    private int[] bands() {
        Map<Integer, Integer> bandOfGroup = new HashMap<>();
        for (int g = 0; g < graph.groups().size(); g++) {
            bandOfGroup.put(graph.groups().get(g).id(), g);
        }
        int spare = graph.groups().size();
        int[] band = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            band[i] = bandOfGroup.getOrDefault(nodes.get(i).group(), -1);
        }
        for (VizEdge edge : graph.edges()) {
            int from = index.get(edge.from());
            int to = index.get(edge.to());
            if (band[from] < 0 && band[to] >= 0) {
                band[from] = band[to];
            } else if (band[to] < 0 && band[from] >= 0) {
                band[to] = band[from];
            }
        }
        for (int i = 0; i < band.length; i++) {
            if (band[i] < 0) {
                band[i] = spare;
            }
        }
        return band;
    }

    private static void renumber(List<List<Integer>> row, int[] position) {
        for (List<Integer> cell : row) {
            for (int k = 0; k < cell.size(); k++) {
                position[cell.get(k)] = k;
            }
        }
    }

    /** Stable sort by the mean position of neighbours in the same band; nodes without any keep their place. */
    private static void reorder(List<Integer> cell, List<List<Integer>> neighbours, int[] band, int[] position) {
        Map<Integer, Double> key = new HashMap<>();
        for (int i : cell) {
            double sum = 0;
            int count = 0;
            for (int j : neighbours.get(i)) {
                if (band[j] == band[i]) {
                    sum += position[j];
                    count++;
                }
            }
            key.put(i, count == 0 ? position[i] : sum / count);
        }
        cell.sort(Comparator.comparingDouble(key::get));
    }
}
