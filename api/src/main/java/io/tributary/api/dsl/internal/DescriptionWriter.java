package io.tributary.api.dsl.internal;

import io.tributary.api.Priority;
import io.tributary.api.graph.NodeDescription;
import io.tributary.api.graph.OperatorType;
import io.tributary.api.graph.SubTopology;
import io.tributary.api.graph.TopologyDescription;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an {@link InternalGraph} into its pure-data {@link TopologyDescription}: static lanes,
 * sub-topologies (connected components), names of neighbours.
 */
final class DescriptionWriter {
    private DescriptionWriter() {
    }

    static TopologyDescription describe(InternalGraph graph) {
        List<GraphNode> nodes = graph.nodes();
        int n = nodes.size();
        Priority[] lanes = new Priority[n];
        boolean[] routed = new boolean[n];
        for (GraphNode node : nodes) {
            assignLane(node, lanes, routed);
        }
        int[] component = components(nodes);
        Map<Integer, Integer> subIds = new LinkedHashMap<>();
        for (GraphNode node : nodes) {
            subIds.putIfAbsent(component[node.id()], subIds.size());
        }
        List<List<String>> members = new ArrayList<>();
        subIds.forEach((root, id) -> members.add(new ArrayList<>()));
        List<NodeDescription> described = new ArrayList<>(n);
        for (GraphNode node : nodes) {
            int sub = subIds.get(component[node.id()]);
            members.get(sub).add(node.name());
            Map<String, String> attributes = new TreeMap<>();
            node.describeAttributes(attributes);
            described.add(new NodeDescription(node.id(), node.name(), node.type(), lanes[node.id()],
                    routed[node.id()], node.topics(), node.plugin(), names(node.parents()),
                    names(node.children()), sub, attributes));
        }
        List<SubTopology> subs = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            subs.add(new SubTopology(i, members.get(i)));
        }
        return new TopologyDescription(graph.name(), described, subs);
    }

    /**
     * Nodes come after their parents, so one pass suffices. A merge of different lanes takes the
     * highest (the compiler reports it as a conflict).
     */
    private static void assignLane(GraphNode node, Priority[] lanes, boolean[] routed) {
        int id = node.id();
        if (node instanceof LaneNode lane) {
            lanes[id] = lane.lane();
            routed[id] = false;
            return;
        }
        Priority lane = null;
        boolean anyRouted = false;
        for (GraphNode parent : node.parents()) {
            Priority parentLane = lanes[parent.id()];
            if (lane == null || parentLane.isHigherThan(lane)) {
                lane = parentLane;
            }
            anyRouted |= routed[parent.id()];
        }
        lanes[id] = lane == null ? Priority.NORMAL : lane;
        routed[id] = anyRouted || node.type() == OperatorType.ROUTE;
    }

    private static int[] components(List<GraphNode> nodes) {
        int[] parent = new int[nodes.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (GraphNode node : nodes) {
            for (GraphNode child : node.children()) {
                union(parent, node.id(), child.id());
            }
        }
        int[] root = new int[parent.length];
        for (int i = 0; i < parent.length; i++) {
            root[i] = find(parent, i);
        }
        return root;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    private static List<String> names(List<GraphNode> nodes) {
        List<String> names = new ArrayList<>(nodes.size());
        for (GraphNode node : nodes) {
            names.add(node.name());
        }
        return names;
    }
}
