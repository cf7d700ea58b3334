package io.tributary.runtime.plugin;

import io.tributary.api.spi.ComponentFactory;
import io.tributary.api.spi.ComponentKind;
import io.tributary.api.spi.ConfigSpec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A named component a loaded plugin provides: what {@code tributary plugins} lists and what the
 * topology compiler resolves {@code Venue.ref("sim", …)} against.
 */
public final class ComponentDescriptor {

    private final ComponentKind kind;
    private final String name;
    private final String description;
    private final ConfigSpec configSpec;
    private final String plugin;
    private final String pluginVersion;
    private final Path location;
    private final ComponentFactory<?> factory;
    private final ClassLoader classLoader;
    private final FailureCounter failures;

    ComponentDescriptor(ComponentKind kind, String name, String description, ConfigSpec configSpec, String plugin,
                        String pluginVersion, Path location, ComponentFactory<?> factory, ClassLoader classLoader,
                        FailureCounter failures) {
        this.kind = Objects.requireNonNull(kind);
        this.name = Objects.requireNonNull(name);
        this.description = description == null ? "" : description;
        this.configSpec = configSpec == null ? ConfigSpec.EMPTY : configSpec;
        this.plugin = plugin;
        this.pluginVersion = pluginVersion;
        this.location = location;
        this.factory = factory;
        this.classLoader = classLoader;
        this.failures = failures;
    }

    public ComponentKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** {@code venue 'sim'}. */
    public String label() {
        return kind.describe(name);
    }

    public String description() {
        return description;
    }

    public ConfigSpec configSpec() {
        return configSpec;
    }

    /** The providing plugin's name. */
    public String plugin() {
        return plugin;
    }

    public String pluginVersion() {
        return pluginVersion;
    }

    /** The jar or folder it came from. */
    public Path location() {
        return location;
    }

    /** The plugin's own factory, not wrapped. */
    ComponentFactory<?> rawFactory() {
        return factory;
    }

    ClassLoader classLoader() {
        return classLoader;
    }

    FailureCounter failures() {
        return failures;
    }

    /** {@code venue 'sim' (plugin venue-sim 0.1.0 at /x/plugins-dist/venue-sim)}. */
    @Override
    public String toString() {
        return label() + " (plugin " + plugin + " " + pluginVersion + " at " + location + ")";
    }
}
