package io.tributary.api.dsl.internal;

import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Router;
import io.tributary.api.graph.OperatorType;
import io.tributary.api.graph.PluginRef;

import java.util.Map;

/** A routing decision per message, by an in-DSL {@link Router} or a policy plugin. */
public final class RouteNode extends GraphNode {
    private final Router<Object> router;
    private final PluginRef policy;

    @SuppressWarnings("unchecked")
    RouteNode(int id, Named named, Router<?> router, PluginRef policy) {
        super(id, OperatorType.ROUTE, named);
        if ((router == null) == (policy == null)) {
            throw new IllegalArgumentException("a route needs exactly one of a router or a policy reference");
        }
        this.router = (Router<Object>) router;
        this.policy = policy;
    }

    /** The in-DSL router, or null when a policy plugin routes. */
    public Router<Object> router() {
        return router;
    }

    @Override
    public PluginRef plugin() {
        return policy;
    }

    @Override
    public void describeAttributes(Map<String, String> out) {
        if (router != null) {
            out.put("router", "in-DSL");
        }
    }
}
