package io.tributary.runtime.plugin;

import io.tributary.api.spi.ComponentBinder;
import io.tributary.api.spi.ComponentFactory;
import io.tributary.api.spi.ComponentKind;
import io.tributary.api.spi.RoutingPolicyFactory;
import io.tributary.api.spi.SinkFactory;
import io.tributary.api.spi.VenueAdapterFactory;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The runtime's {@link ComponentBinder}: checks each call and records it; the bindings become Guice
 * map bindings in {@link PluginComponentsModule}.
 */
final class RecordingComponentBinder implements ComponentBinder {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    private final String plugin;
    private final List<ComponentBinding> bindings = new ArrayList<>();

    RecordingComponentBinder(String plugin) {
        this.plugin = plugin;
    }

    List<ComponentBinding> bindings() {
        return List.copyOf(bindings);
    }

    @Override
    public ComponentBinder venue(String name, Class<? extends VenueAdapterFactory> factory) {
        return bindClass(ComponentKind.VENUE, name, factory);
    }

    @Override
    public ComponentBinder venue(String name, VenueAdapterFactory factory) {
        return bindInstance(ComponentKind.VENUE, name, factory);
    }

    @Override
    public ComponentBinder policy(String name, Class<? extends RoutingPolicyFactory> factory) {
        return bindClass(ComponentKind.POLICY, name, factory);
    }

    @Override
    public ComponentBinder policy(String name, RoutingPolicyFactory factory) {
        return bindInstance(ComponentKind.POLICY, name, factory);
    }

    @Override
    public ComponentBinder sink(String name, Class<? extends SinkFactory> factory) {
        return bindClass(ComponentKind.SINK, name, factory);
    }

    @Override
    public ComponentBinder sink(String name, SinkFactory factory) {
        return bindInstance(ComponentKind.SINK, name, factory);
    }

    private ComponentBinder bindClass(ComponentKind kind, String name, Class<? extends ComponentFactory<?>> type) {
        checkName(kind, name);
        Objects.requireNonNull(type, () -> "plugin " + plugin + " binds " + kind.describe(name) + " to a null class");
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException("plugin " + plugin + " binds " + kind.describe(name)
                    + " to " + type.getName() + ", which is abstract");
        }
        bindings.add(new ComponentBinding(kind, name, type, null));
        return this;
    }

    private ComponentBinder bindInstance(ComponentKind kind, String name, ComponentFactory<?> factory) {
        checkName(kind, name);
        Objects.requireNonNull(factory, () -> "plugin " + plugin + " binds " + kind.describe(name) + " to null");
        bindings.add(new ComponentBinding(kind, name, null, factory));
        return this;
    }

    private void checkName(ComponentKind kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("plugin " + plugin + " names a " + kind.label() + " '" + name
                    + "': names are lower case, a letter then letters, digits, '-' or '_'");
        }
        for (ComponentBinding existing : bindings) {
            if (existing.kind() == kind && existing.name().equals(name)) {
                throw new IllegalArgumentException("plugin " + plugin + " binds " + kind.describe(name) + " twice");
            }
        }
    }
}
