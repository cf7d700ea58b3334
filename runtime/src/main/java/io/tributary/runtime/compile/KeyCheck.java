package io.tributary.runtime.compile;

import io.tributary.api.dsl.internal.ConflateNode;
import io.tributary.api.dsl.internal.GraphNode;
import io.tributary.api.dsl.internal.WindowNode;

import java.util.List;

/** Conflation and windows group by key: the stream must be keyed upstream or they need a key function. */
final class KeyCheck implements Check {
    @Override
    public void check(LogicalGraph graph, List<Problem> problems) {
        for (GraphNode node : graph.nodes()) {
            boolean ownKey = node instanceof ConflateNode c ? c.key() != null
                    : node instanceof WindowNode w ? w.key() != null : true;
            if (!ownKey && !keyedInput(node)) {
                problems.add(new Problem(node.name(), node.type() + " has no key: call keyBy(...) before it"
                        + " (on every path into it) or pass a key function"));
            }
        }
    }

    private static boolean keyedInput(GraphNode node) {
        for (GraphNode parent : node.parents()) {
            if (!parent.keysOutput()) {
                return false;
            }
        }
        return !node.parents().isEmpty();
    }
}
