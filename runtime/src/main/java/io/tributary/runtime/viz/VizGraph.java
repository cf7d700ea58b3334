package io.tributary.runtime.viz;

import io.tributary.api.graph.TopologyDescription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The neutral drawing model of a topology, built once from its {@link TopologyDescription} and read
 * by every renderer ({@link VizFormat}): nodes with a shape and a lane, edges, topic nodes at the
 * transport boundaries, and one group per sub-topology. Everything is in a stable order (node id,
 * then topic first use), so the same description always renders to the same bytes.
 */
public final class VizGraph {
    private final String name;
    private final List<VizNode> nodes;
    private final List<VizEdge> edges;
    private final List<VizGroup> groups;
    private final Map<String, VizNode> byId;

    VizGraph(String name, List<VizNode> nodes, List<VizEdge> edges, List<VizGroup> groups) {
        this.name = Objects.requireNonNull(name, "name");
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        this.groups = List.copyOf(groups);
        Map<String, VizNode> index = new LinkedHashMap<>();
        for (VizNode node : this.nodes) {
            if (index.putIfAbsent(node.id(), node) != null) {
                throw new IllegalArgumentException("two nodes have the element id " + node.id());
            }
        }
        for (VizEdge edge : this.edges) {
            if (!index.containsKey(edge.from()) || !index.containsKey(edge.to())) {
                throw new IllegalArgumentException("edge " + edge.id() + " joins a node that is not in the graph");
            }
        }
        this.byId = index;
    }

    /** The drawing of {@code description} on the in-memory bus. */
    public static VizGraph of(TopologyDescription description) {
        return of(description, TransportBoundary.NONE);
    }

    /** The drawing of {@code description} with the topics and sub-topologies {@code boundary} marks. */
    public static VizGraph of(TopologyDescription description, TransportBoundary boundary) {
        return new VizGraphBuilder(description, boundary).build();
    }

    /**
     * The element id of the node called {@code nodeName}: {@code node-} and the name, with every
     * character other than letters, digits, {@code -} and {@code .} written as {@code _hex_}. Valid
     * as an XML id, a CSS selector after escaping dots, and injective, so a live page can address a
     * node by its name.
     */
    public static String elementId(String nodeName) {
        return "node-" + escapeId(nodeName);
    }

    static String topicId(String topic) {
        return "topic-" + escapeId(topic);
    }

    private static String escapeId(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.') {
                b.append(c);
            } else {
                b.append('_').append(Integer.toHexString(c)).append('_');
            }
        }
        return b.toString();
    }

    public String name() {
        return name;
    }

    /** Topology nodes in id order, then topic nodes in order of first use. */
    public List<VizNode> nodes() {
        return nodes;
    }

    public List<VizEdge> edges() {
        return edges;
    }

    /** One group per sub-topology, in id order. */
    public List<VizGroup> groups() {
        return groups;
    }

    /** @throws NoSuchElementException naming the id when there is no such node */
    public VizNode node(String id) {
        VizNode node = byId.get(id);
        if (node == null) {
            throw new NoSuchElementException("no node with element id '" + id + "' in " + name);
        }
        return node;
    }
}
