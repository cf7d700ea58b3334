package io.tributary.api.dsl;

import io.tributary.api.graph.PluginRef;

import java.util.Map;

/** References to sink plugins (files, databases, screens), used by {@link Stream#to(PluginRef)}. */
public final class Sinks {
    private Sinks() {
    }

    public static PluginRef ref(String name) {
        return ref(name, Map.of());
    }

    public static PluginRef ref(String name, Map<String, ?> config) {
        return new PluginRef(PluginRef.Kind.SINK, name, Map.copyOf(config));
    }
}
