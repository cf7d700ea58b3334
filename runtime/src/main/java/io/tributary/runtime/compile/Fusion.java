package io.tributary.runtime.compile;

import io.tributary.api.dsl.internal.GraphNode;
import io.tributary.api.dsl.internal.SourceNode;
import io.tributary.runtime.plan.Stage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cuts the graph into stages: one per source, plus one behind each repartition. A stage runs every
 * node reachable from its entry up to the next repartition, as nested calls on one worker; within it
 * the runs of stateless one-in/one-out operators are the fused chains the plan reports.
 */
final class Fusion {
    private Fusion() {
    }

    static List<StageSpec> stages(LogicalGraph graph) {
        List<StageSpec> stages = new ArrayList<>();
        for (GraphNode node : graph.nodes()) {
            if (node instanceof SourceNode source) {
                stages.add(stage(node, Stage.Kind.SOURCE, source.pattern()));
            }
        }
        for (GraphNode node : graph.nodes()) {
            if (KeyPinning.needsRepartition(node)) {
                stages.add(stage(node, Stage.Kind.REPARTITION, KeyPinning.internalTopic(graph.name(), node)));
            }
        }
        return stages;
    }

    private static StageSpec stage(GraphNode entry, Stage.Kind kind, String pattern) {
        Set<GraphNode> members = new TreeSet<>((a, b) -> Integer.compare(a.id(), b.id()));
        collect(entry, entry, members);
        return new StageSpec(entry, kind, pattern, List.copyOf(members), chains(members), null);
    }

    private static void collect(GraphNode entry, GraphNode node, Set<GraphNode> members) {
        if (node != entry && KeyPinning.needsRepartition(node)) {
            return; // the next stage's entry
        }
        if (members.add(node)) {
            for (GraphNode child : node.children()) {
                collect(entry, child, members);
            }
        }
    }

    private static List<List<GraphNode>> chains(Set<GraphNode> members) {
        List<List<GraphNode>> chains = new ArrayList<>();
        Set<GraphNode> used = new LinkedHashSet<>();
        for (GraphNode node : members) {
            if (used.contains(node) || !fusible(node) || continuesChain(node, members)) {
                continue;
            }
            List<GraphNode> chain = new ArrayList<>();
            GraphNode at = node;
            while (true) {
                chain.add(at);
                used.add(at);
                if (at.children().size() != 1) {
                    break;
                }
                GraphNode next = at.children().get(0);
                if (!members.contains(next) || !fusible(next) || next.parents().size() != 1) {
                    break;
                }
                at = next;
            }
            if (chain.size() > 1) {
                chains.add(chain);
            }
        }
        return chains;
    }

    /** True when {@code node} is the single successor of a fusible single-output node of the stage. */
    private static boolean continuesChain(GraphNode node, Set<GraphNode> members) {
        if (node.parents().size() != 1) {
            return false;
        }
        GraphNode parent = node.parents().get(0);
        return members.contains(parent) && fusible(parent) && parent.children().size() == 1;
    }

    private static boolean fusible(GraphNode node) {
        return node.type().isStateless();
    }
}
