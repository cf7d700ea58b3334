package io.tributary.api.dsl;

import io.tributary.api.graph.PluginRef;

import java.util.Map;

/** References to routing-policy plugins, used by {@link Stream#route(PluginRef)}. */
public final class Policy {
    private Policy() {
    }

    public static PluginRef ref(String name) {
        return ref(name, Map.of());
    }

    public static PluginRef ref(String name, Map<String, ?> config) {
        return new PluginRef(PluginRef.Kind.POLICY, name, Map.copyOf(config));
    }
}
