package io.tributary.runtime.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Scopes;
import com.google.inject.multibindings.MapBinder;
import io.tributary.api.spi.ComponentFactory;
import io.tributary.api.spi.ComponentKind;
import io.tributary.api.spi.RoutingPolicyFactory;
import io.tributary.api.spi.SinkFactory;
import io.tributary.api.spi.VenueAdapterFactory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One plugin's injector configuration: a {@link MapBinder} per component kind (name → factory,
 * singletons), plus the plugin's own optional Guice module.
 */
final class PluginComponentsModule extends AbstractModule {

    private final List<ComponentBinding> bindings;
    private final Module pluginModule;

    PluginComponentsModule(List<ComponentBinding> bindings, Module pluginModule) {
        this.bindings = bindings;
        this.pluginModule = pluginModule;
    }

    @Override
    protected void configure() {
        Map<ComponentKind, MapBinder<String, ?>> maps = new EnumMap<>(ComponentKind.class);
        maps.put(ComponentKind.VENUE, MapBinder.newMapBinder(binder(), String.class, VenueAdapterFactory.class));
        maps.put(ComponentKind.POLICY, MapBinder.newMapBinder(binder(), String.class, RoutingPolicyFactory.class));
        maps.put(ComponentKind.SINK, MapBinder.newMapBinder(binder(), String.class, SinkFactory.class));
        for (ComponentBinding binding : bindings) {
            add(maps.get(binding.kind()), binding);
        }
        if (pluginModule != null) {
            install(pluginModule);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void add(MapBinder map, ComponentBinding binding) {
        if (binding.instance() != null) {
            map.addBinding(binding.name()).toInstance(binding.instance());
        } else {
            Class<? extends ComponentFactory<?>> type = binding.factoryClass();
            map.addBinding(binding.name()).to(type).in(Scopes.SINGLETON);
        }
    }
}
