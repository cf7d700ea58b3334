package io.tributary.api.graph;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A reference by name to something a plugin provides: a venue (market-data source or execution
 * venue), a routing policy or a sink. The topology only names it; the runtime resolves the name
 * against the plugins it has loaded, and the compiler rejects names nobody provides.
 *
 * @param kind   what the plugin provides
 * @param name   the name the plugin registered, e.g. {@code sim}
 * @param config settings passed to the plugin's factory, sorted by key (so descriptions are stable)
 */
public record PluginRef(Kind kind, String name, Map<String, Object> config) {

    /** What a referenced plugin provides. */
    public enum Kind {
        VENUE, POLICY, SINK;

        /** Lower-case label used in descriptions and error messages. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public PluginRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException(kind.label() + " name must not be blank");
        }
        config = Collections.unmodifiableMap(new TreeMap<>(config == null ? Map.of() : config));
    }

    /** {@code venue:sim} or {@code venue:sim{rate=1000}}. */
    @Override
    public String toString() {
        return kind.label() + ":" + name + (config.isEmpty() ? "" : config.toString());
    }
}
