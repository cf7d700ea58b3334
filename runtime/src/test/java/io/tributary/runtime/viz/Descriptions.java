package io.tributary.runtime.viz;

import io.tributary.api.Priority;
import io.tributary.api.graph.NodeDescription;
import io.tributary.api.graph.OperatorType;
import io.tributary.api.graph.PluginRef;
import io.tributary.api.graph.SubTopology;
import io.tributary.api.graph.TopologyDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hand-built descriptions with what the examples lack: a routing policy, a plugin sink, a
 * sub-topology reading what another publishes, and names that need escaping.
 */
final class Descriptions {
    private Descriptions() {
    }

    /**
     * Sub-topology 0: quotes (venue sim) → arb (policy arbitrage, CRITICAL) → paper (venue sink) and
     * → to-opps (topic signals.arb). Sub-topology 1: signals (pattern signals.*) → "odd \"name\" <1>" → log.
     */
    static TopologyDescription arbDesk() {
        List<NodeDescription> nodes = new ArrayList<>();
        nodes.add(node(0, "quotes", OperatorType.SOURCE_VENUE, Priority.NORMAL, List.of("data.quotes.*.*"),
                new PluginRef(PluginRef.Kind.VENUE, "sim", Map.of("rate", 1000)), List.of(), List.of("arb"), 0));
        nodes.add(node(1, "arb", OperatorType.ROUTE, Priority.CRITICAL, List.of(),
                new PluginRef(PluginRef.Kind.POLICY, "arbitrage", Map.of()), List.of("quotes"), List.of("paper", "to-opps"), 0));
        nodes.add(node(2, "paper", OperatorType.SINK_PLUGIN, Priority.CRITICAL, List.of(),
                new PluginRef(PluginRef.Kind.VENUE, "paper", Map.of()), List.of("arb"), List.of(), 0));
        nodes.add(node(3, "to-opps", OperatorType.SINK_TOPIC, Priority.CRITICAL, List.of("signals.arb"),
                null, List.of("arb"), List.of(), 0));
        nodes.add(node(4, "signals", OperatorType.SOURCE_TOPIC, Priority.NORMAL, List.of("signals.*"),
                null, List.of(), List.of("odd \"name\" <1>"), 1));
        nodes.add(node(5, "odd \"name\" <1>", OperatorType.THROTTLE, Priority.LOW, List.of(),
                null, List.of("signals"), List.of("log"), 1));
        nodes.add(node(6, "log", OperatorType.FOR_EACH, Priority.LOW, List.of(),
                null, List.of("odd \"name\" <1>"), List.of(), 1));
        return new TopologyDescription("arb-desk", nodes, List.of(
                new SubTopology(0, List.of("quotes", "arb", "paper", "to-opps")),
                new SubTopology(1, List.of("signals", "odd \"name\" <1>", "log"))));
    }

    private static NodeDescription node(int id, String name, OperatorType type, Priority lane, List<String> topics,
                                        PluginRef plugin, List<String> preds, List<String> succs, int sub) {
        return new NodeDescription(id, name, type, lane, type == OperatorType.ROUTE, topics, plugin, preds, succs, sub,
                type == OperatorType.THROTTLE ? Map.of("rate", "10/s") : Map.of());
    }
}
