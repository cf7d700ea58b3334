package io.tributary.runtime.plugin;

import io.tributary.api.spi.ComponentFactory;
import io.tributary.api.spi.ComponentKind;

/**
 * One {@code binder.venue(...)}-style call: a factory class for the injector to build, or a ready
 * instance.
 */
record ComponentBinding(ComponentKind kind, String name, Class<? extends ComponentFactory<?>> factoryClass,
                        ComponentFactory<?> instance) {
}
