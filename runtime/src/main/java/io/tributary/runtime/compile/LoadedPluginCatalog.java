package io.tributary.runtime.compile;

import io.tributary.api.dsl.Router;
import io.tributary.api.graph.PluginRef;
import io.tributary.api.spi.ComponentKind;
import io.tributary.api.spi.ConfigException;
import io.tributary.runtime.plan.PolicyRouter;
import io.tributary.runtime.plan.SinkTarget;
import io.tributary.runtime.plan.VenueConnection;
import io.tributary.runtime.plugin.LoadedPlugins;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link PluginCatalog} of the loaded plugins: names and configs are checked against the plugins'
 * declarations at compile time, and every venue, policy and sink a plan uses is created from its
 * plugin when the plan starts (they need the plan's bus and clock).
 */
final class LoadedPluginCatalog implements PluginCatalog {
    private final LoadedPlugins plugins;

    LoadedPluginCatalog(LoadedPlugins plugins) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
    }

    static ComponentKind kind(PluginRef.Kind kind) {
        switch (kind) {
            case VENUE:
                return ComponentKind.VENUE;
            case POLICY:
                return ComponentKind.POLICY;
            case SINK:
                return ComponentKind.SINK;
            default:
                throw new IllegalArgumentException("unknown plugin kind " + kind);
        }
    }

    @Override
    public Set<String> names(PluginRef.Kind kind) {
        return plugins.names(kind(kind));
    }

    @Override
    public Optional<String> configProblem(PluginRef ref) {
        try {
            plugins.validate(kind(ref.kind()), ref.name(), ref.config());
            return Optional.empty();
        } catch (ConfigException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Optional<VenueConnection> venue(PluginRef ref) {
        return Optional.of(new PluginVenueConnection(plugins, ref));
    }

    @Override
    public Optional<PolicyRouter> routingPolicy(PluginRef ref, String node) {
        return Optional.of(new PluginPolicyRouter(plugins, ref, node));
    }

    /** Policies run through {@link #routingPolicy}: they may return several destinations. */
    @Override
    public Optional<Router<Object>> policy(PluginRef ref) {
        return Optional.empty();
    }

    @Override
    public Optional<SinkTarget> sink(PluginRef ref) {
        return ref.kind() == PluginRef.Kind.SINK ? Optional.of(new PluginSinkTarget(plugins, ref)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "PluginCatalog[" + plugins + "]";
    }
}
