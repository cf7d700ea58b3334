package io.tributary.runtime.compile;

import io.tributary.api.Priority;
import io.tributary.api.dsl.internal.GraphNode;
import io.tributary.api.dsl.internal.LaneNode;
import io.tributary.api.dsl.internal.MergeNode;
import io.tributary.api.dsl.internal.SinkNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lanes keep per-(topic, key) order only within one lane, so:
 * <ul>
 *   <li>a merge of streams on different lanes must be followed by {@code lane(...)} saying which;</li>
 *   <li>one topic must not be published on two lanes by different sinks.</li>
 * </ul>
 */
final class LaneCheck implements Check {
    @Override
    public void check(LogicalGraph graph, List<Problem> problems) {
        Map<String, List<GraphNode>> sinksByTopic = new LinkedHashMap<>();
        for (GraphNode node : graph.nodes()) {
            if (node instanceof MergeNode merge) {
                checkMerge(graph, merge, problems);
            } else if (node instanceof SinkNode sink && sink.topic() != null && !graph.routedLane(sink)) {
                sinksByTopic.computeIfAbsent(sink.topic(), t -> new ArrayList<>()).add(sink);
            }
        }
        sinksByTopic.forEach((topic, sinks) -> {
            Priority first = graph.lane(sinks.get(0));
            for (GraphNode sink : sinks) {
                if (graph.lane(sink) != first) {
                    problems.add(new Problem(sink.name(), "lane conflict: topic '" + topic + "' is published on "
                            + graph.lane(sink) + " here and on " + first + " by " + sinks.get(0).name()
                            + "; per-key order holds within one lane only, so publish a topic on one lane"));
                    return;
                }
            }
        });
    }

    private static void checkMerge(LogicalGraph graph, MergeNode merge, List<Problem> problems) {
        List<String> lanes = new ArrayList<>();
        Priority first = null;
        boolean differ = false;
        for (GraphNode parent : merge.parents()) {
            Priority lane = graph.lane(parent);
            lanes.add(lane + " from " + parent.name());
            differ |= first != null && lane != first;
            first = first == null ? lane : first;
        }
        boolean resolved = !merge.children().isEmpty();
        for (GraphNode child : merge.children()) {
            resolved &= child instanceof LaneNode;
        }
        if (differ && !resolved) {
            problems.add(new Problem(merge.name(), "lane conflict: merge joins streams on different lanes ("
                    + String.join(", ", lanes) + "); call lane(...) right after the merge to choose one"));
        }
    }
}
