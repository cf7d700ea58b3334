package io.tributary.runtime.viz;

import io.tributary.api.TopicPattern;
import io.tributary.api.graph.NodeDescription;
import io.tributary.api.graph.NodeKind;
import io.tributary.api.graph.OperatorType;
import io.tributary.api.graph.SubTopology;
import io.tributary.api.graph.TopologyDescription;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a description into a {@link VizGraph}. Topics become nodes of their own: a source's
 * patterns point into it, a sink's topic (and a window's late topic) out of it, and a published
 * topic that a source pattern of the same topology matches is joined to that pattern, which is how
 * sub-topologies meet.
 */
final class VizGraphBuilder {
    private final TopologyDescription description;
    private final TransportBoundary boundary;
    private final List<VizNode> nodes = new ArrayList<>();
    private final List<VizEdge> edges = new ArrayList<>();
    private final Map<String, VizNode> topics = new LinkedHashMap<>();
    private final Set<String> published = new LinkedHashSet<>();
    private final Set<String> patterns = new LinkedHashSet<>();

    VizGraphBuilder(TopologyDescription description, TransportBoundary boundary) {
        this.description = description;
        this.boundary = boundary;
    }

    VizGraph build() {
        for (NodeDescription node : description.nodes()) {
            nodes.add(toVizNode(node));
        }
        for (NodeDescription node : description.nodes()) {
            String id = VizGraph.elementId(node.name());
            if (node.kind() == NodeKind.SOURCE) {
                for (String pattern : node.topics()) {
                    edges.add(new VizEdge(topic(pattern, "pattern"), id, null, true, ""));
                    patterns.add(pattern);
                }
            }
            for (String successor : node.successors()) {
                edges.add(new VizEdge(id, VizGraph.elementId(successor), node.lane(), false, ""));
            }
            if (node.kind() != NodeKind.SOURCE) {
                for (String topic : node.topics()) {
                    String label = node.type() == OperatorType.WINDOW_AGGREGATE ? "late" : "";
                    edges.add(new VizEdge(id, topic(topic, "topic"), node.lane(), true, label));
                    published.add(topic);
                }
            }
        }
        joinPublishedTopicsToPatterns();
        nodes.addAll(topics.values());
        List<VizGroup> groups = new ArrayList<>();
        for (SubTopology sub : description.subTopologies()) {
            groups.add(new VizGroup(sub.id(), boundary.groupLabel(sub.id(), "sub-topology " + sub.id()),
                    sub.nodes().stream().map(VizGraph::elementId).toList()));
        }
        return new VizGraph(description.name(), nodes, edges, groups);
    }

    private void joinPublishedTopicsToPatterns() {
        for (String topic : published) {
            for (String pattern : patterns) {
                if (!pattern.equals(topic) && matches(pattern, topic)) {
                    edges.add(new VizEdge(VizGraph.topicId(topic), VizGraph.topicId(pattern), null, true, "matches"));
                }
            }
        }
    }

    private static boolean matches(String pattern, String topic) {
        try {
            return TopicPattern.parse(pattern).matches(topic);
        } catch (IllegalArgumentException invalid) {
            return false; // validation reports bad patterns; the drawing just leaves them unjoined
        }
    }

    /**
     * A topic that crosses the transport is typed {@code <transport> <type>} and carries its physical
     * names where a plugin would be, so every renderer labels it without knowing transports.
     */
    private String topic(String topic, String type) {
        return topics.computeIfAbsent(topic, t -> {
            String physical = boundary.physicalName(t);
            return physical == null
                    ? new VizNode(VizGraph.topicId(t), t, VizShape.TOPIC, null, -1, type, null, List.of())
                    : new VizNode(VizGraph.topicId(t), t, VizShape.TOPIC, null, -1, boundary.transport() + " " + type,
                            physical, List.of(boundary.transport() + ": " + physical));
        }).id();
    }

    private static VizNode toVizNode(NodeDescription node) {
        List<String> details = new ArrayList<>();
        details.add("lane: " + node.lane() + (node.routedLane() ? " (routed)" : ""));
        if (!node.topics().isEmpty()) {
            details.add("topics: " + String.join(", ", node.topics()));
        }
        if (node.plugin() != null && !node.plugin().config().isEmpty()) {
            details.add("config: " + node.plugin().config());
        }
        node.attributes().forEach((k, v) -> details.add(k + ": " + v));
        String plugin = node.plugin() == null ? null : node.plugin().kind().label() + ": " + node.plugin().name();
        return new VizNode(VizGraph.elementId(node.name()), node.name(), shape(node), node.lane(),
                node.subTopology(), node.type().name(), plugin, details);
    }

    private static VizShape shape(NodeDescription node) {
        switch (node.kind()) {
            case SOURCE:
                return VizShape.SOURCE;
            case ROUTE:
                return VizShape.ROUTE;
            case SINK:
                return VizShape.SINK;
            default:
                return VizShape.OPERATOR;
        }
    }
}
