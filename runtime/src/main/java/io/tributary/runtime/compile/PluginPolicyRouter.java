package io.tributary.runtime.compile;

import io.tributary.api.EpochClock;
import io.tributary.api.Envelope;
import io.tributary.api.MessageBus;
import io.tributary.api.graph.PluginRef;
import io.tributary.api.spi.RouteDecision;
import io.tributary.api.spi.RoutingContext;
import io.tributary.api.spi.RoutingPolicy;
import io.tributary.runtime.plan.PlanComponent;
import io.tributary.runtime.plan.PolicyRouter;
import io.tributary.runtime.plugin.LoadedPlugins;

/** A routing-policy plugin behind one {@code route(Policy.ref(...))} node, created at plan start. */
final class PluginPolicyRouter implements PolicyRouter, PlanComponent, RoutingContext {
    private final LoadedPlugins plugins;
    private final PluginRef ref;
    private final String node;
    private volatile RoutingPolicy policy;
    private volatile EpochClock clock = EpochClock.SYSTEM;

    PluginPolicyRouter(LoadedPlugins plugins, PluginRef ref, String node) {
        this.plugins = plugins;
        this.ref = ref;
        this.node = node;
    }

    @Override
    public String name() {
        return node + " (" + ref + ")";
    }

    @Override
    public void start(MessageBus bus, EpochClock runClock) {
        this.clock = runClock;
        this.policy = plugins.createPolicy(ref.name(), ref.config(), bus, runClock);
    }

    @Override
    public RouteDecision route(Envelope<?> message) {
        RoutingPolicy current = policy;
        if (current == null) {
            throw new IllegalStateException(name() + " is not started: the plan is not running");
        }
        return current.route(message, this);
    }

    @Override
    public String stageName() {
        return node;
    }

    @Override
    public long nowNanos() {
        return clock.nowNanos();
    }

    /** Policies have no life cycle to end; one still routes what is in flight while the plan stops. */
    @Override
    public void stop() {
    }
}
