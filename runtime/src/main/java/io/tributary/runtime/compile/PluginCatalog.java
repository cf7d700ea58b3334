package io.tributary.runtime.compile;

import io.tributary.api.dsl.Router;
import io.tributary.api.graph.PluginRef;
import io.tributary.runtime.plan.PolicyRouter;
import io.tributary.runtime.plan.SinkTarget;
import io.tributary.runtime.plan.VenueConnection;
import io.tributary.runtime.plugin.LoadedPlugins;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The plugin names a topology may refer to, and the runnable side of the ones it calls: routing
 * policies and sinks (including the execution side of a venue). {@link #of(LoadedPlugins)} is the
 * catalog of the loaded plugins, whose components start and stop with the plan;
 * {@link #builder()} makes one by hand (tests, the test driver), where a venue source simply reads
 * its pattern from the bus.
 */
public interface PluginCatalog {

    /** Known names of {@code kind}, sorted (they appear in error messages). */
    Set<String> names(PluginRef.Kind kind);

    /** The router behind a known policy reference, or empty if the catalog cannot run it. */
    Optional<Router<Object>> policy(PluginRef ref);

    /** What a {@code to(ref)} hands values to (sink plugins, execution venues), or empty. */
    Optional<SinkTarget> sink(PluginRef ref);

    /**
     * Why {@code ref}'s config is wrong (naming the component and the key), or empty when it is
     * fine or the catalog cannot tell.
     */
    default Optional<String> configProblem(PluginRef ref) {
        return Optional.empty();
    }

    /**
     * The venue adapter behind a venue reference, or empty when the catalog has none to run (a
     * source then only reads its pattern from the bus). The compiler asks once per distinct
     * reference and plan, so that sources and terminals naming the same venue share it.
     */
    default Optional<VenueConnection> venue(PluginRef ref) {
        return Optional.empty();
    }

    /**
     * A routing-policy plugin that may send a message to several destinations, asked before
     * {@link #policy(PluginRef)}; empty when the catalog has none.
     *
     * @param node the routing node's name (what the policy sees as its stage name)
     */
    default Optional<PolicyRouter> routingPolicy(PluginRef ref, String node) {
        return Optional.empty();
    }

    /** The catalog of loaded plugins: names, config checks and components that run with the plan. */
    static PluginCatalog of(LoadedPlugins plugins) {
        return new LoadedPluginCatalog(plugins);
    }

    static PluginCatalog empty() {
        return builder().build();
    }

    static Builder builder() {
        return new Builder();
    }

    /** Registers names and factories; factories receive the reference with its config. */
    final class Builder {
        private final Map<PluginRef.Kind, Set<String>> names = new EnumMap<>(PluginRef.Kind.class);
        private final Map<String, Function<PluginRef, Router<Object>>> policies = new HashMap<>();
        private final Map<String, Function<PluginRef, SinkTarget>> sinks = new HashMap<>();

        private Builder() {
            for (PluginRef.Kind kind : PluginRef.Kind.values()) {
                names.put(kind, new TreeSet<>());
            }
        }

        /** A venue that publishes market data onto the bus (its source side). */
        public Builder venue(String name) {
            names.get(PluginRef.Kind.VENUE).add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /** A venue that also takes orders through {@code to(Venue.ref(name))}. */
        public Builder venue(String name, Function<PluginRef, SinkTarget> execution) {
            venue(name);
            sinks.put(key(PluginRef.Kind.VENUE, name), Objects.requireNonNull(execution, "execution"));
            return this;
        }

        @SuppressWarnings("unchecked")
        public Builder policy(String name, Function<PluginRef, ? extends Router<?>> factory) {
            names.get(PluginRef.Kind.POLICY).add(Objects.requireNonNull(name, "name"));
            Objects.requireNonNull(factory, "factory");
            policies.put(name, ref -> (Router<Object>) factory.apply(ref));
            return this;
        }

        public Builder sink(String name, Function<PluginRef, SinkTarget> factory) {
            names.get(PluginRef.Kind.SINK).add(Objects.requireNonNull(name, "name"));
            sinks.put(key(PluginRef.Kind.SINK, name), Objects.requireNonNull(factory, "factory"));
            return this;
        }

        public PluginCatalog build() {
            Map<PluginRef.Kind, Set<String>> frozenNames = new EnumMap<>(PluginRef.Kind.class);
            names.forEach((kind, set) -> frozenNames.put(kind, Collections.unmodifiableSet(new TreeSet<>(set))));
            Map<String, Function<PluginRef, Router<Object>>> frozenPolicies = Map.copyOf(policies);
            Map<String, Function<PluginRef, SinkTarget>> frozenSinks = Map.copyOf(sinks);
            return new PluginCatalog() {
                @Override
                public Set<String> names(PluginRef.Kind kind) {
                    return frozenNames.get(kind);
                }

                @Override
                public Optional<Router<Object>> policy(PluginRef ref) {
                    return Optional.ofNullable(frozenPolicies.get(ref.name())).map(f -> f.apply(ref));
                }

                @Override
                public Optional<SinkTarget> sink(PluginRef ref) {
                    return Optional.ofNullable(frozenSinks.get(key(ref.kind(), ref.name()))).map(f -> f.apply(ref));
                }

                @Override
                public String toString() {
                    return "PluginCatalog" + frozenNames;
                }
            };
        }

        private static String key(PluginRef.Kind kind, String name) {
            return kind + ":" + name;
        }
    }
}
