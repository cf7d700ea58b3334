package io.tributary.api.graph;

import io.tributary.api.Priority;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The logical graph of a topology as pure data: nodes, edges, lanes, sources, sinks and
 * sub-topologies. The visualizer and metrics naming read this, and {@link #toString()} is a stable
 * text form (golden-file friendly) in the style of Kafka Streams' {@code Topology.describe()}:
 * <pre>
 * Topology: trade-bars
 *   Sub-topology: 0
 *     Source: trades (type: SOURCE_TOPIC, lane: NORMAL, topics: [data.trades.**])
 *       --&gt; KEY-BY-0000000001
 *       &lt;-- none
 *     …
 *   Lanes:
 *     NORMAL: trades, KEY-BY-0000000001, …
 * </pre>
 */
public final class TopologyDescription {
    private final String name;
    private final List<NodeDescription> nodes;
    private final List<Edge> edges;
    private final List<SubTopology> subTopologies;
    private final Map<String, NodeDescription> byName;

    /**
     * @param nodes in id order; names must be unique
     */
    public TopologyDescription(String name, List<NodeDescription> nodes, List<SubTopology> subTopologies) {
        this.name = Objects.requireNonNull(name, "name");
        this.nodes = List.copyOf(nodes);
        this.subTopologies = List.copyOf(subTopologies);
        Map<String, NodeDescription> index = new LinkedHashMap<>();
        List<Edge> edgeList = new ArrayList<>();
        for (NodeDescription node : this.nodes) {
            index.putIfAbsent(node.name(), node);
            for (String successor : node.successors()) {
                edgeList.add(new Edge(node.name(), successor));
            }
        }
        this.byName = Collections.unmodifiableMap(index);
        this.edges = List.copyOf(edgeList);
    }

    public String name() {
        return name;
    }

    /** Every node, in id (creation) order. */
    public List<NodeDescription> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    public List<SubTopology> subTopologies() {
        return subTopologies;
    }

    public List<NodeDescription> sources() {
        return ofKind(NodeKind.SOURCE);
    }

    public List<NodeDescription> sinks() {
        return ofKind(NodeKind.SINK);
    }

    public List<NodeDescription> ofKind(NodeKind kind) {
        List<NodeDescription> result = new ArrayList<>();
        for (NodeDescription node : nodes) {
            if (node.kind() == kind) {
                result.add(node);
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** Node names per lane, highest lane first; lanes no node uses are absent. */
    public Map<Priority, List<String>> lanes() {
        Map<Priority, List<String>> lanes = new EnumMap<>(Priority.class);
        for (NodeDescription node : nodes) {
            lanes.computeIfAbsent(node.lane(), l -> new ArrayList<>()).add(node.name());
        }
        lanes.replaceAll((lane, names) -> List.copyOf(names));
        return Collections.unmodifiableMap(lanes);
    }

    /** @throws NoSuchElementException naming the known nodes when there is no node {@code name} */
    public NodeDescription node(String name) {
        NodeDescription node = byName.get(name);
        if (node == null) {
            throw new NoSuchElementException("no node '" + name + "' in topology " + this.name
                    + "; nodes: " + byName.keySet());
        }
        return node;
    }

    public boolean hasNode(String name) {
        return byName.containsKey(name);
    }

    @Override
    public String toString() {
        String nl = "\n";
        StringBuilder b = new StringBuilder("Topology: ").append(name).append(nl);
        for (SubTopology sub : subTopologies) {
            b.append("  Sub-topology: ").append(sub.id()).append(nl);
            for (String nodeName : sub.nodes()) {
                NodeDescription node = byName.get(nodeName);
                b.append("    ").append(node.headline()).append(nl);
                b.append("      --> ").append(joinOrNone(node.successors())).append(nl);
                b.append("      <-- ").append(joinOrNone(node.predecessors())).append(nl);
            }
        }
        b.append("  Lanes:").append(nl);
        lanes().forEach((lane, names) -> b.append("    ").append(lane).append(": ")
                .append(String.join(", ", names)).append(nl));
        return b.toString();
    }

    private static String joinOrNone(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopologyDescription d && d.name.equals(name) && d.nodes.equals(nodes)
                && d.subTopologies.equals(subTopologies);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, nodes, subTopologies);
    }
}
