package io.tributary.runtime.compile;

import io.tributary.api.Priority;
import io.tributary.api.dsl.internal.GraphNode;
import io.tributary.runtime.plan.Stage;

import java.util.List;

/**
 * A stage as the passes decided it.
 *
 * @param entry       the source, or the keyed operator behind a repartition
 * @param kind        source or repartition
 * @param pattern     what the stage subscribes to
 * @param members     nodes the stage runs, in id order
 * @param fusedChains runs of stateless nodes with one input and one output each, two or more long
 * @param lane        the subscription's lane (set by {@link LaneAssignment})
 */
record StageSpec(GraphNode entry, Stage.Kind kind, String pattern, List<GraphNode> members,
                 List<List<GraphNode>> fusedChains, Priority lane) {

    StageSpec withLane(Priority value) {
        return new StageSpec(entry, kind, pattern, members, fusedChains, value);
    }
}
