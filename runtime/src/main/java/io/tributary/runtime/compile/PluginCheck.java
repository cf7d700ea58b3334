package io.tributary.runtime.compile;

import io.tributary.api.dsl.internal.GraphNode;
import io.tributary.api.dsl.internal.RouteNode;
import io.tributary.api.dsl.internal.SinkNode;
import io.tributary.api.graph.PluginRef;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every plugin reference names something the catalog knows, and the ones the plan calls resolve to
 * something runnable. Resolved instances are kept for the assembler so that factories run once.
 */
final class PluginCheck implements Check {
    private final PluginCatalog catalog;
    private final Map<Integer, Object> resolved = new HashMap<>();

    PluginCheck(PluginCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void check(LogicalGraph graph, List<Problem> problems) {
        for (GraphNode node : graph.nodes()) {
            PluginRef ref = node.plugin();
            if (ref == null) {
                continue;
            }
            Set<String> known = catalog.names(ref.kind());
            if (!known.contains(ref.name())) {
                problems.add(new Problem(node.name(), "unknown " + ref.kind().label() + " '" + ref.name() + "'; "
                        + (known.isEmpty() ? "no " + ref.kind().label() + " plugins are loaded"
                        : "known " + ref.kind().label() + "s: " + String.join(", ", known))));
                continue;
            }
            if (node instanceof RouteNode) {
                resolve(node, ref, catalog.policy(ref), "has no runnable implementation here", problems);
            } else if (node instanceof SinkNode) {
                resolve(node, ref, catalog.sink(ref), ref.kind() == PluginRef.Kind.VENUE
                        ? "has no execution side: it cannot be the target of to(...)"
                        : "has no runnable implementation here", problems);
            }
        }
    }

    private void resolve(GraphNode node, PluginRef ref, Optional<?> instance, String missing, List<Problem> problems) {
        if (instance.isPresent()) {
            resolved.put(node.id(), instance.get());
        } else {
            problems.add(new Problem(node.name(), ref.kind().label() + " '" + ref.name() + "' " + missing));
        }
    }

    /** What the catalog resolved, by node id (routers and sink targets). */
    Map<Integer, Object> resolved() {
        return resolved;
    }
}
