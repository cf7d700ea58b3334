package io.tributary.api.graph;

import io.tributary.api.Priority;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One node of a {@link TopologyDescription}: pure data, no functions.
 *
 * @param id           position in creation order, 0-based; generated names embed it
 * @param name         the user's name ({@code Named.as}) or a generated one such as {@code FILTER-0000000003}
 * @param type         what the node does; {@link #kind()} follows from it
 * @param lane         the lane messages leave this node on (NORMAL unless a {@code lane(...)} upstream says otherwise)
 * @param routedLane   true when a routing decision upstream may override {@link #lane()} per message
 * @param topics       source patterns, or the sink topic, or the late-events topic of a window; else empty
 * @param plugin       the referenced venue, policy or sink, or null
 * @param predecessors upstream node names, in id order
 * @param successors   downstream node names, in id order
 * @param subTopology  id of the {@link SubTopology} the node belongs to
 * @param attributes   operator settings rendered as text (window size, grace, rate, branch names…), sorted by key
 */
public record NodeDescription(int id, String name, OperatorType type, Priority lane, boolean routedLane,
                              List<String> topics, PluginRef plugin, List<String> predecessors,
                              List<String> successors, int subTopology, Map<String, String> attributes) {

    public NodeDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(lane, "lane");
        topics = List.copyOf(topics);
        predecessors = List.copyOf(predecessors);
        successors = List.copyOf(successors);
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    public NodeKind kind() {
        return type.kind();
    }

    /** The stable one-line form used by {@link TopologyDescription#toString()}. */
    public String headline() {
        StringBuilder b = new StringBuilder();
        b.append(label(kind())).append(": ").append(name)
                .append(" (type: ").append(type)
                .append(", lane: ").append(lane).append(routedLane ? " (routed)" : "");
        if (!topics.isEmpty()) {
            b.append(", topics: ").append(topics);
        }
        if (plugin != null) {
            b.append(", plugin: ").append(plugin);
        }
        attributes.forEach((k, v) -> b.append(", ").append(k).append(": ").append(v));
        return b.append(')').toString();
    }

    private static String label(NodeKind kind) {
        switch (kind) {
            case SOURCE:
                return "Source";
            case SINK:
                return "Sink";
            case ROUTE:
                return "Route";
            default:
                return "Operator";
        }
    }
}
