package io.tributary.runtime.plugin;

import io.tributary.api.EpochClock;
import io.tributary.api.MessageBus;
import io.tributary.api.spi.ComponentConfig;
import io.tributary.api.spi.ComponentFactory;
import io.tributary.api.spi.ComponentKind;
import io.tributary.api.spi.PluginContext;
import io.tributary.api.spi.RoutingPolicy;
import io.tributary.api.spi.RoutingPolicyFactory;
import io.tributary.api.spi.Sink;
import io.tributary.api.spi.SinkFactory;
import io.tributary.api.spi.VenueAdapter;
import io.tributary.api.spi.VenueAdapterFactory;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The result of loading a plugins directory: the plugins, the registry of their components by kind
 * and name, and the errors. Lookups by a name that does not exist throw an
 * {@link UnknownComponentException} listing the names that do.
 *
 * <p>Factories handed out here are wrapped: life-cycle failures of the components they create are
 * rethrown as {@link PluginComponentException} naming the plugin and jar, per-message failures
 * (routing, writing, order commands) are caught and counted in {@link #failures()}.
 *
 * <p>{@link #close()} closes the plugins' class loaders; call it after every component is stopped.
 */
public final class LoadedPlugins implements AutoCloseable {

    private final Path directory;
    private final List<PluginInfo> plugins;
    private final List<PluginLoadError> errors;
    private final Map<ComponentKind, SortedMap<String, ComponentDescriptor>> registry;
    private final Map<ComponentKind, Map<String, List<ComponentDescriptor>>> conflicts;
    private final Map<ComponentDescriptor, ComponentFactory<?>> guarded;
    private final ComponentFailures failures;
    private final List<PluginClassLoader> loaders;

    LoadedPlugins(Path directory, List<PluginInfo> plugins, List<PluginLoadError> errors,
                  Map<ComponentKind, SortedMap<String, ComponentDescriptor>> registry,
                  Map<ComponentKind, Map<String, List<ComponentDescriptor>>> conflicts,
                  ComponentFailures failures, List<PluginClassLoader> loaders) {
        this.directory = directory;
        this.plugins = List.copyOf(plugins);
        this.errors = List.copyOf(errors);
        this.registry = registry;
        this.conflicts = conflicts;
        this.failures = failures;
        this.loaders = List.copyOf(loaders);
        Map<ComponentDescriptor, ComponentFactory<?>> wrapped = new IdentityHashMap<>();
        for (SortedMap<String, ComponentDescriptor> byName : registry.values()) {
            for (ComponentDescriptor d : byName.values()) {
                wrapped.put(d, guard(d));
            }
        }
        this.guarded = wrapped;
    }

    /** Nothing loaded, e.g. for a run that uses no plugins. */
    public static LoadedPlugins empty(Path directory) {
        Map<ComponentKind, SortedMap<String, ComponentDescriptor>> registry = new EnumMap<>(ComponentKind.class);
        for (ComponentKind kind : ComponentKind.values()) {
            registry.put(kind, new TreeMap<>());
        }
        return new LoadedPlugins(directory, List.of(), List.of(), registry, new EnumMap<>(ComponentKind.class),
                new ComponentFailures(Map.of()), List.of());
    }

    private static ComponentFactory<?> guard(ComponentDescriptor d) {
        switch (d.kind()) {
            case VENUE:
                return new GuardedVenueAdapterFactory(d);
            case POLICY:
                return new GuardedRoutingPolicyFactory(d);
            case SINK:
                return new GuardedSinkFactory(d);
            default:
                throw new IllegalStateException("unknown kind " + d.kind());
        }
    }

    /** The directory these plugins were loaded from. */
    public Path directory() {
        return directory;
    }

    /** Plugins that loaded, in directory order. */
    public List<PluginInfo> plugins() {
        return plugins;
    }

    /** Everything that did not load, each naming its jar and cause. */
    public List<PluginLoadError> errors() {
        return errors;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Names usable for {@code kind}, sorted. */
    public SortedSet<String> names(ComponentKind kind) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(registry.get(kind).keySet()));
    }

    /** Usable components of {@code kind} by name, sorted. */
    public SortedMap<String, ComponentDescriptor> components(ComponentKind kind) {
        return Collections.unmodifiableSortedMap(registry.get(kind));
    }

    public Optional<ComponentDescriptor> find(ComponentKind kind, String name) {
        return Optional.ofNullable(registry.get(kind).get(name));
    }

    /** @throws UnknownComponentException listing the names that exist */
    public ComponentDescriptor component(ComponentKind kind, String name) {
        ComponentDescriptor d = registry.get(kind).get(name);
        if (d == null) {
            throw unknown(kind, name);
        }
        return d;
    }

    /** The (wrapped) factory. @throws UnknownComponentException listing the names that exist */
    public ComponentFactory<?> factory(ComponentKind kind, String name) {
        return guarded.get(component(kind, name));
    }

    /** @throws UnknownComponentException listing the venues that exist */
    public VenueAdapterFactory venue(String name) {
        return (VenueAdapterFactory) factory(ComponentKind.VENUE, name);
    }

    /** @throws UnknownComponentException listing the policies that exist */
    public RoutingPolicyFactory policy(String name) {
        return (RoutingPolicyFactory) factory(ComponentKind.POLICY, name);
    }

    /** @throws UnknownComponentException listing the sinks that exist */
    public SinkFactory sink(String name) {
        return (SinkFactory) factory(ComponentKind.SINK, name);
    }

    /**
     * Checks {@code config} against the component's declared keys (what the compiler calls for each
     * {@code Venue.ref(name, config)}).
     *
     * @throws UnknownComponentException         when no plugin provides the name
     * @throws io.tributary.api.spi.ConfigException naming the component and the keys at fault
     */
    public ComponentConfig validate(ComponentKind kind, String name, Map<String, ?> config) {
        ComponentDescriptor d = component(kind, name);
        return d.configSpec().validate(d.label(), config);
    }

    /** A context for one instance of a component, wired to its failure counter. */
    public PluginContext context(ComponentKind kind, String name, MessageBus bus, EpochClock clock) {
        return new RuntimePluginContext(bus, clock, component(kind, name));
    }

    /**
     * Validates the config and creates a wrapped venue adapter in one call.
     *
     * @throws UnknownComponentException         when no plugin provides the name
     * @throws io.tributary.api.spi.ConfigException when the config is wrong
     * @throws PluginComponentException          when the factory throws
     */
    public VenueAdapter createVenue(String name, Map<String, ?> config, MessageBus bus, EpochClock clock) {
        ComponentConfig valid = validate(ComponentKind.VENUE, name, config);
        return create(venue(name), valid, context(ComponentKind.VENUE, name, bus, clock));
    }

    /** Like {@link #createVenue}, for a routing policy. */
    public RoutingPolicy createPolicy(String name, Map<String, ?> config, MessageBus bus, EpochClock clock) {
        ComponentConfig valid = validate(ComponentKind.POLICY, name, config);
        return create(policy(name), valid, context(ComponentKind.POLICY, name, bus, clock));
    }

    /** Like {@link #createVenue}, for a sink (not yet opened). */
    public Sink createSink(String name, Map<String, ?> config, MessageBus bus, EpochClock clock) {
        ComponentConfig valid = validate(ComponentKind.SINK, name, config);
        return create(sink(name), valid, context(ComponentKind.SINK, name, bus, clock));
    }

    private static <T> T create(ComponentFactory<T> factory, ComponentConfig config, PluginContext context) {
        try {
            return factory.create(config, context);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // unreachable: the guarded factories turn checked exceptions into PluginComponentException
            throw new IllegalStateException("guarded factory threw a checked exception", e);
        }
    }

    /** Run-time failures of plugin components, counted. */
    public ComponentFailures failures() {
        return failures;
    }

    private UnknownComponentException unknown(ComponentKind kind, String name) {
        SortedSet<String> known = new TreeSet<>(registry.get(kind).keySet());
        List<ComponentDescriptor> clash = conflicts.getOrDefault(kind, Map.of()).get(name);
        String plural = kind == ComponentKind.POLICY ? "policies" : kind.label() + "s";
        StringBuilder message = new StringBuilder();
        if (clash != null) {
            message.append(kind.describe(name)).append(" is provided by more than one plugin (")
                    .append(clash.stream().map(d -> d.plugin() + " at " + d.location()).collect(Collectors.joining(" and ")))
                    .append(") and so by none; remove all but one");
        } else {
            message.append("no ").append(kind.label()).append(" named '").append(name).append("'; ");
            message.append(known.isEmpty() ? "no " + plural + " are loaded" : plural + " that exist: " + String.join(", ", known));
        }
        message.append(" (plugins directory ").append(directory);
        if (!errors.isEmpty()) {
            message.append("; ").append(errors.size()).append(" load error").append(errors.size() == 1 ? "" : "s")
                    .append(", see 'tributary plugins'");
            if (plugins.isEmpty()) {
                message.append(": ").append(errors.get(0).message());
            }
        }
        message.append(')');
        return new UnknownComponentException(kind, name, known, message.toString());
    }

    @Override
    public void close() {
        for (PluginClassLoader loader : loaders) {
            BundleLoader.closeQuietly(loader);
        }
    }

    @Override
    public String toString() {
        return "LoadedPlugins[" + directory + ": " + plugins.size() + " plugin(s), " + errors.size() + " error(s)]";
    }
}
