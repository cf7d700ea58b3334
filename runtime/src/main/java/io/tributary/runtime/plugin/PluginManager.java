package io.tributary.runtime.plugin;

import io.tributary.api.spi.ComponentKind;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads plugins from a directory: each jar, or each folder of jars, in its own
 * {@link PluginClassLoader}; entry points found with {@code ServiceLoader}; components built by a
 * Guice injector per plugin, once, at start-up. Broken plugins are reported, never fatal: everything
 * else still loads. A component name offered by two plugins is an error naming both jars, and that
 * name is then unusable until one is removed.
 *
 * <pre>{@code
 * try (LoadedPlugins plugins = PluginManager.loadDefault()) {
 *     VenueAdapter sim = plugins.createVenue("sim", Map.of("seed", 7), bus, EpochClock.SYSTEM);
 *     ...
 * }
 * }</pre>
 */
public final class PluginManager {

    /** System property naming the plugins directory. */
    public static final String DIRECTORY_PROPERTY = "tributary.plugins.dir";
    /** Environment variable naming the plugins directory. */
    public static final String DIRECTORY_ENV = "TRIBUTARY_PLUGINS_DIR";
    /** The folder the build puts plugin jars in, at the repository root. */
    public static final String DEFAULT_FOLDER = "plugins-dist";

    private final ClassLoader host;

    /** Shares the API packages as the runtime itself sees them. */
    public PluginManager() {
        this(PluginManager.class.getClassLoader());
    }

    /** @param host where plugins get the shared API packages from */
    public PluginManager(ClassLoader host) {
        this.host = Objects.requireNonNull(host, "host");
    }

    /** Loads from {@link #defaultDirectory()}. */
    public static LoadedPlugins loadDefault() {
        return new PluginManager().load(defaultDirectory());
    }

    /**
     * The plugins directory when none is given: the system property {@value #DIRECTORY_PROPERTY},
     * else the environment variable {@value #DIRECTORY_ENV}, else the first {@value #DEFAULT_FOLDER}
     * folder found walking up from the working directory, then from where the runtime's classes
     * are (so {@code ./tributary} works from anywhere in the checkout), else
     * {@code ./plugins-dist}.
     */
    public static Path defaultDirectory() {
        return defaultDirectory(System.getProperty(DIRECTORY_PROPERTY), System.getenv(DIRECTORY_ENV),
                Path.of("").toAbsolutePath(), runtimeLocation());
    }

    static Path defaultDirectory(String property, String env, Path workingDirectory, Path runtimeLocation) {
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        for (Path start : new Path[] {workingDirectory, runtimeLocation}) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(DEFAULT_FOLDER);
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        return workingDirectory.resolve(DEFAULT_FOLDER);
    }

    private static Path runtimeLocation() {
        try {
            CodeSource source = PluginManager.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Loads every plugin in {@code directory}; never throws for a broken plugin (see {@link LoadedPlugins#errors()}). */
    public LoadedPlugins load(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        List<PluginLoadError> errors = new ArrayList<>();
        List<PluginInfo> plugins = new ArrayList<>();
        List<PluginClassLoader> loaders = new ArrayList<>();
        Map<String, FailureCounter> counters = new ConcurrentHashMap<>();
        BundleLoader bundleLoader = new BundleLoader(host, counters);
        for (PluginBundle bundle : PluginDirectoryScanner.scan(dir, errors)) {
            BundleLoader.Result result = bundleLoader.load(bundle);
            errors.addAll(result.errors());
            plugins.addAll(result.plugins());
            if (result.loader() != null) {
                loaders.add(result.loader());
            }
        }
        Map<ComponentKind, SortedMap<String, ComponentDescriptor>> registry = new EnumMap<>(ComponentKind.class);
        Map<ComponentKind, Map<String, List<ComponentDescriptor>>> conflicts = new EnumMap<>(ComponentKind.class);
        for (ComponentKind kind : ComponentKind.values()) {
            registry.put(kind, new TreeMap<>());
            conflicts.put(kind, new HashMap<>());
        }
        checkPluginNames(plugins, errors);
        for (PluginInfo plugin : plugins) {
            for (ComponentDescriptor component : plugin.components()) {
                register(component, registry.get(component.kind()), conflicts.get(component.kind()), errors);
            }
        }
        return new LoadedPlugins(dir, plugins, errors, registry, conflicts, new ComponentFailures(counters), loaders);
    }

    private static void checkPluginNames(List<PluginInfo> plugins, List<PluginLoadError> errors) {
        Map<String, PluginInfo> byName = new LinkedHashMap<>();
        for (PluginInfo plugin : plugins) {
            PluginInfo first = byName.putIfAbsent(plugin.name(), plugin);
            if (first != null) {
                errors.add(new PluginLoadError(plugin.location(), plugin.name(), "plugin name '" + plugin.name()
                        + "' is used by both " + first.location() + " and " + plugin.location(), null));
            }
        }
    }

    private static void register(ComponentDescriptor component, SortedMap<String, ComponentDescriptor> byName,
                                 Map<String, List<ComponentDescriptor>> conflicts, List<PluginLoadError> errors) {
        String name = component.name();
        List<ComponentDescriptor> clash = conflicts.get(name);
        ComponentDescriptor first = byName.get(name);
        if (clash == null && first == null) {
            byName.put(name, component);
            return;
        }
        if (clash == null) {
            clash = new ArrayList<>();
            clash.add(byName.remove(name));
            conflicts.put(name, clash);
        }
        ComponentDescriptor earlier = clash.get(0);
        clash.add(component);
        errors.add(new PluginLoadError(component.location(), component.plugin(), component.label()
                + " is provided by both " + earlier.location() + " (plugin " + earlier.plugin() + ") and "
                + component.location() + " (plugin " + component.plugin() + "); neither is usable until one is removed",
                null));
    }
}
