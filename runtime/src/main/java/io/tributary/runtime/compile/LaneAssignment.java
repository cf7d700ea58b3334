package io.tributary.runtime.compile;

import io.tributary.api.Priority;
import io.tributary.api.dsl.internal.GraphNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Lanes per node come from the description (NORMAL, changed by {@code lane(...)}). A stage's
 * subscription is delivered on the highest lane among the stage's outputs (its sinks and the nodes
 * that feed the next stage): the operators in front of a CRITICAL output are themselves served as
 * CRITICAL, never queued behind LOW work, and a stage that only feeds screens on LOW runs on LOW.
 */
final class LaneAssignment {
    private LaneAssignment() {
    }

    static List<StageSpec> assign(LogicalGraph graph, List<StageSpec> stages) {
        List<StageSpec> assigned = new ArrayList<>(stages.size());
        for (StageSpec stage : stages) {
            Priority highest = null;
            for (GraphNode node : stage.members()) {
                if (isOutput(node, stage)) {
                    Priority lane = graph.lane(node);
                    highest = highest == null || lane.isHigherThan(highest) ? lane : highest;
                }
            }
            assigned.add(stage.withLane(highest == null ? Priority.NORMAL : highest));
        }
        return assigned;
    }

    private static boolean isOutput(GraphNode node, StageSpec stage) {
        if (node.children().isEmpty()) {
            return true;
        }
        for (GraphNode child : node.children()) {
            if (!stage.members().contains(child)) {
                return true;
            }
        }
        return false;
    }
}
