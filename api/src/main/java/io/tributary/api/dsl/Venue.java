package io.tributary.api.dsl;

import io.tributary.api.graph.PluginRef;

import java.util.Map;

/**
 * References to venue plugins: market-data sources ({@code TopologyBuilder.source}) and execution
 * venues ({@code Stream.to}). The name is resolved when the topology is compiled.
 */
public final class Venue {
    private Venue() {
    }

    public static PluginRef ref(String name) {
        return ref(name, Map.of());
    }

    public static PluginRef ref(String name, Map<String, ?> config) {
        return new PluginRef(PluginRef.Kind.VENUE, name, Map.copyOf(config));
    }
}
