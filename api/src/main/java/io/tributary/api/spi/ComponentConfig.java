package io.tributary.api.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A component's settings after {@link ConfigSpec#validate}: every declared key converted to its
 * type and checked, absent keys at their defaults. Read with the same {@link ConfigKey} constants
 * the spec was built from.
 */
public final class ComponentConfig {

    private final String component;
    private final ConfigSpec spec;
    private final Map<String, Object> values;
    private final Set<String> explicit;

    ComponentConfig(String component, ConfigSpec spec, Map<String, Object> values, Set<String> explicit) {
        this.component = component;
        this.spec = spec;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.explicit = Set.copyOf(explicit);
    }

    /** The component this config belongs to, as named in errors. */
    public String component() {
        return component;
    }

    /**
     * The value, its default when not given, or null when neither.
     *
     * @throws IllegalArgumentException when {@code key} is not part of this component's spec (a bug
     *                                  in the component, named in the message)
     */
    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        if (!spec.contains(key)) {
            throw new IllegalArgumentException(component + " reads config key '" + key.name()
                    + "' that its ConfigSpec does not declare");
        }
        return (T) values.get(key.name());
    }

    /** True when the key was given explicitly (not defaulted). */
    public boolean isSet(ConfigKey<?> key) {
        return explicit.contains(key.name());
    }

    /** Effective values by key name, in declaration order (defaults included, null for unset). */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * An error about {@code key} in the standard format, for checks that span keys
     * ("{@code spreads} needs one entry per venue").
     */
    public ConfigException problem(ConfigKey<?> key, String message) {
        return new ConfigException(component, key.name(), message);
    }

    @Override
    public String toString() {
        return component + values;
    }
}
