package io.tributary.runtime.compile;

import io.tributary.api.dsl.internal.GraphNode;
import io.tributary.api.dsl.internal.RouteNode;
import io.tributary.api.dsl.internal.SinkNode;
import io.tributary.api.dsl.internal.SourceNode;
import io.tributary.api.graph.PluginRef;
import io.tributary.runtime.plan.PolicyRouter;
import io.tributary.runtime.plan.VenueConnection;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every plugin reference names something the catalog knows, with a config it accepts, and the ones
 * the plan calls resolve to something runnable. Resolved instances are kept for the assembler so
 * that factories run once; venue connections are shared by every node naming the same reference.
 */
final class PluginCheck implements Check {
    private final PluginCatalog catalog;
    private final Map<Integer, Object> resolved = new HashMap<>();
    private final Map<PluginRef, Optional<VenueConnection>> venues = new LinkedHashMap<>();

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
            Optional<String> configProblem = catalog.configProblem(ref);
            if (configProblem.isPresent()) {
                problems.add(new Problem(node.name(), configProblem.get()));
                continue;
            }
            if (node instanceof SourceNode) {
                venue(ref).ifPresent(v -> resolved.put(node.id(), v));
            } else if (node instanceof RouteNode) {
                Optional<PolicyRouter> policy = catalog.routingPolicy(ref, node.name());
                resolve(node, ref, policy.isPresent() ? policy : catalog.policy(ref),
                        "has no runnable implementation here", problems);
            } else if (node instanceof SinkNode) {
                Optional<?> target = ref.kind() == PluginRef.Kind.VENUE
                        ? venue(ref).map(v -> (Object) v).or(() -> catalog.sink(ref)) : catalog.sink(ref);
                resolve(node, ref, target, ref.kind() == PluginRef.Kind.VENUE
                        ? "has no execution side: it cannot be the target of to(...)"
                        : "has no runnable implementation here", problems);
            }
        }
    }

    private Optional<VenueConnection> venue(PluginRef ref) {
        return venues.computeIfAbsent(ref, catalog::venue);
    }

    private void resolve(GraphNode node, PluginRef ref, Optional<?> instance, String missing, List<Problem> problems) {
        if (instance.isPresent()) {
            resolved.put(node.id(), instance.get());
        } else {
            problems.add(new Problem(node.name(), ref.kind().label() + " '" + ref.name() + "' " + missing));
        }
    }

    /**
     * What the catalog resolved, by node id: routers or policy routers, sink targets or venue
     * connections (for terminals), venue connections (for sources).
     */
    Map<Integer, Object> resolved() {
        return resolved;
    }
}
