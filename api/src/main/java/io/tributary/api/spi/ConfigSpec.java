package io.tributary.api.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The settings a component declares: what {@code tributary plugins} lists and what
 * {@link #validate} checks raw config against. Unknown keys are errors (with a "did you mean"),
 * because a misspelt key silently falling back to its default is the worst kind of config bug.
 */
public final class ConfigSpec {

    /** No settings. */
    public static final ConfigSpec EMPTY = new ConfigSpec(List.of());

    private final List<ConfigKey<?>> keys;
    private final Map<String, ConfigKey<?>> byName;

    private ConfigSpec(List<ConfigKey<?>> keys) {
        Map<String, ConfigKey<?>> map = new LinkedHashMap<>();
        for (ConfigKey<?> key : keys) {
            Objects.requireNonNull(key, "config key");
            if (map.put(key.name(), key) != null) {
                throw new IllegalArgumentException("config key '" + key.name() + "' is declared twice");
            }
        }
        this.keys = List.copyOf(keys);
        this.byName = Collections.unmodifiableMap(map);
    }

    public static ConfigSpec of(ConfigKey<?>... keys) {
        return new ConfigSpec(List.of(keys));
    }

    public static ConfigSpec of(List<ConfigKey<?>> keys) {
        return new ConfigSpec(keys);
    }

    /** In declaration order. */
    public List<ConfigKey<?>> keys() {
        return keys;
    }

    public boolean contains(ConfigKey<?> key) {
        return byName.get(key.name()) == key;
    }

    /**
     * Converts and checks {@code raw} against the declared keys, reporting every problem at once.
     *
     * @param component how to name the component in errors, e.g. {@code venue 'sim'}
     * @param raw       the given settings; null values count as absent
     * @throws ConfigException naming the component and each offending key
     */
    public ComponentConfig validate(String component, Map<String, ?> raw) {
        Objects.requireNonNull(component, "component");
        Map<String, ?> given = raw == null ? Map.of() : raw;
        List<ConfigException.Problem> problems = new ArrayList<>();
        for (String name : new TreeMap<>(given).keySet()) {
            if (!byName.containsKey(name)) {
                problems.add(new ConfigException.Problem(name, unknownKeyMessage(name)));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        java.util.Set<String> explicit = new java.util.HashSet<>();
        for (ConfigKey<?> key : keys) {
            Object value = given.get(key.name());
            if (value == null) {
                if (key.isRequired()) {
                    problems.add(new ConfigException.Problem(key.name(), "is required (" + key.typeName() + ")"
                            + (key.description().isEmpty() ? "" : ": " + key.description())));
                }
                values.put(key.name(), key.defaultValue());
                continue;
            }
            try {
                values.put(key.name(), key.convert(value));
                explicit.add(key.name());
            } catch (IllegalArgumentException | ArithmeticException e) {
                problems.add(new ConfigException.Problem(key.name(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(component, problems);
        }
        return new ComponentConfig(component, this, values, explicit);
    }

    private String unknownKeyMessage(String name) {
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String known : byName.keySet()) {
            int distance = KeySuggestions.distance(name.toLowerCase(java.util.Locale.ROOT), known.toLowerCase(java.util.Locale.ROOT));
            if (distance < best) {
                best = distance;
                closest = known;
            }
        }
        String known = byName.isEmpty() ? "this component takes no settings" : "known keys: " + String.join(", ", byName.keySet());
        if (closest != null && best <= Math.max(2, closest.length() / 3)) {
            return "unknown key (did you mean '" + closest + "'?); " + known;
        }
        return "unknown key; " + known;
    }

    @Override
    public String toString() {
        return keys.toString();
    }
}
