package io.tributary.runtime.plugin;

import io.tributary.api.spi.ComponentConfig;
import io.tributary.api.spi.ComponentFactory;
import io.tributary.api.spi.ConfigSpec;
import io.tributary.api.spi.PluginContext;

/**
 * What every guarded factory shares: it describes the plugin's component, creates through
 * {@link Guard#lifecycle} (a failure names the plugin and jar), and wraps what it created so the
 * component's own failures are isolated; each subclass supplies only that wrapper.
 */
abstract class GuardedFactory<T> implements ComponentFactory<T> {
    final ComponentDescriptor component;
    private final ComponentFactory<T> delegate;

    @SuppressWarnings("unchecked")
    GuardedFactory(ComponentDescriptor component) {
        this.component = component;
        this.delegate = (ComponentFactory<T>) component.rawFactory();
    }

    @Override
    public final String description() {
        return component.description();
    }

    @Override
    public final ConfigSpec configSpec() {
        return component.configSpec();
    }

    @Override
    public final T create(ComponentConfig config, PluginContext context) {
        return guard(Guard.lifecycle(component, "create", () -> delegate.create(config, context)));
    }

    /** The isolating wrapper around a freshly created component. */
    abstract T guard(T created);
}
