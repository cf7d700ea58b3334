package io.tributary.runtime.viz.live;

import io.tributary.api.graph.NodeDescription;
import io.tributary.runtime.plan.PhysicalPlan;
import io.tributary.runtime.plan.Stage;
import io.tributary.runtime.viz.VizGraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node's configuration as the page shows it on a click, from the {@link NodeDescription} the plan
 * was compiled from: served once by {@code GET /api/topology}. Plugin settings are shown as text, so
 * any value a plugin accepts can be shown.
 *
 * @param stage the stage that runs the node (its entry node carries the stage's meters), or null
 */
record NodeConfig(String name, String id, String kind, String type, String lane, boolean routedLane,
                  List<String> topics, String plugin, Map<String, String> pluginConfig, Map<String, String> attributes,
                  List<String> predecessors, List<String> successors, int subTopology, String stage) {

    /** The configuration of every node of {@code plan}'s topology, in id order. */
    static List<NodeConfig> of(PhysicalPlan plan) {
        Map<String, String> stageOf = new LinkedHashMap<>();
        for (Stage stage : plan.stages()) {
            stage.nodes().forEach(n -> stageOf.putIfAbsent(n, stage.name()));
        }
        List<NodeConfig> configs = new ArrayList<>();
        for (NodeDescription n : plan.logical().nodes()) {
            Map<String, String> pluginConfig = new TreeMap<>();
            if (n.plugin() != null) {
                n.plugin().config().forEach((k, v) -> pluginConfig.put(k, String.valueOf(v)));
            }
            configs.add(new NodeConfig(n.name(), VizGraph.elementId(n.name()), n.kind().name(), n.type().name(),
                    n.lane().name(), n.routedLane(), n.topics(),
                    n.plugin() == null ? null : n.plugin().kind().label() + ": " + n.plugin().name(), pluginConfig,
                    n.attributes(), n.predecessors(), n.successors(), n.subTopology(), stageOf.get(n.name())));
        }
        return configs;
    }
}
