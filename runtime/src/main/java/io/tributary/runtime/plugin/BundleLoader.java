package io.tributary.runtime.plugin;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import com.google.inject.util.Types;
import io.tributary.api.spi.ComponentFactory;
import io.tributary.api.spi.ComponentKind;
import io.tributary.api.spi.ConfigSpec;
import io.tributary.api.spi.TributaryPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipException;

/**
 * Loads one {@link PluginBundle}: checks its jars, gives it a {@link PluginClassLoader}, finds its
 * {@link TributaryPlugin}s with {@link ServiceLoader}, and builds each plugin's components in its own
 * Guice injector, so that one failing plugin (or one failing component) does not stop the others.
 * Every failure becomes a {@link PluginLoadError} naming the jar and the cause.
 */
final class BundleLoader {

    static final String SERVICE_FILE = "META-INF/services/" + TributaryPlugin.class.getName();

    private static final Logger LOG = LoggerFactory.getLogger(BundleLoader.class);
    private static final int MAX_PROVIDERS = 1000;

    /** What came out of one bundle. The loader is null when nothing loaded (it is then closed). */
    record Result(PluginClassLoader loader, List<PluginInfo> plugins, List<PluginLoadError> errors) {
    }

    private final ClassLoader host;
    private final Map<String, FailureCounter> failureCounters;

    BundleLoader(ClassLoader host, Map<String, FailureCounter> failureCounters) {
        this.host = host;
        this.failureCounters = failureCounters;
    }

    Result load(PluginBundle bundle) {
        List<PluginLoadError> errors = new ArrayList<>();
        List<URL> urls = new ArrayList<>();
        for (Path jar : bundle.jars()) {
            if (!checkJar(jar, errors)) {
                return new Result(null, List.of(), errors);
            }
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                errors.add(new PluginLoadError(jar, null, "cannot form a URL: " + Causes.describe(e), e));
                return new Result(null, List.of(), errors);
            }
        }
        PluginClassLoader loader = new PluginClassLoader(bundle.name(), urls, host);
        List<TributaryPlugin> found = discover(bundle, loader, errors);
        List<PluginInfo> loaded = new ArrayList<>();
        for (TributaryPlugin plugin : found) {
            PluginInfo one = loadPlugin(bundle, loader, plugin, errors);
            if (one != null) {
                loaded.add(one);
            }
        }
        if (loaded.isEmpty()) {
            closeQuietly(loader);
            return new Result(null, List.of(), errors);
        }
        return new Result(loader, loaded, errors);
    }

    /** Opens the jar and parses its manifest, so a broken file is named here and not deep in class loading. */
    private static boolean checkJar(Path jar, List<PluginLoadError> errors) {
        JarFile file;
        try {
            file = new JarFile(jar.toFile(), true);
        } catch (ZipException e) {
            errors.add(new PluginLoadError(jar, null, "not a valid jar file (" + e.getMessage() + ")", e));
            return false;
        } catch (IOException | SecurityException e) {
            errors.add(new PluginLoadError(jar, null, "cannot open jar: " + Causes.describe(e), e));
            return false;
        }
        try (file) {
            file.getManifest();
            return true;
        } catch (IOException | RuntimeException e) {
            errors.add(new PluginLoadError(jar, null, "bad manifest: " + Causes.describe(e), e));
            return false;
        }
    }

    @SuppressWarnings("try") // the resource only scopes the context class loader
    private static List<TributaryPlugin> discover(PluginBundle bundle, PluginClassLoader loader,
                                                  List<PluginLoadError> errors) {
        List<TributaryPlugin> plugins = new ArrayList<>();
        if (loader.findResource(SERVICE_FILE) == null) {
            errors.add(new PluginLoadError(bundle.location(), null,
                    "not a Tributary plugin: no " + SERVICE_FILE + " entry", null));
            return plugins;
        }
        int failures = 0;
        Iterator<TributaryPlugin> providers = ServiceLoader.load(TributaryPlugin.class, loader).iterator();
        for (int i = 0; i < MAX_PROVIDERS; i++) {
            try (ThreadContextClassLoader ignored = new ThreadContextClassLoader(loader)) {
                if (!providers.hasNext()) {
                    break;
                }
                TributaryPlugin plugin = providers.next();
                if (plugin.getClass().getClassLoader() != loader) {
                    errors.add(new PluginLoadError(bundle.location(), null, "provider " + plugin.getClass().getName()
                            + " was loaded from the host class path, not from the plugin's jars", null));
                    continue;
                }
                plugins.add(plugin);
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                failures++;
                errors.add(new PluginLoadError(bundle.location(), null,
                        "cannot load plugin class: " + Causes.describe(e), e));
            }
        }
        if (plugins.isEmpty() && failures == 0) {
            errors.add(new PluginLoadError(bundle.location(), null, SERVICE_FILE + " lists no provider class", null));
        }
        return plugins;
    }

    @SuppressWarnings("try") // the resource only scopes the context class loader
    private PluginInfo loadPlugin(PluginBundle bundle, PluginClassLoader loader, TributaryPlugin plugin,
                              List<PluginLoadError> errors) {
        Path location = bundle.location();
        String className = plugin.getClass().getName();
        String name;
        String version;
        RecordingComponentBinder binder;
        Object module;
        try (ThreadContextClassLoader ignored = new ThreadContextClassLoader(loader)) {
            name = plugin.name();
            version = plugin.version();
            if (name == null || name.isBlank()) {
                errors.add(new PluginLoadError(location, null, className + ".name() is blank", null));
                return null;
            }
            binder = new RecordingComponentBinder(name);
            plugin.configure(binder);
            module = plugin.guiceModule();
        } catch (Exception | LinkageError e) {
            errors.add(new PluginLoadError(location, null, className + " failed to configure: " + Causes.describe(e), e));
            return null;
        }
        if (module != null && !(module instanceof Module)) {
            errors.add(new PluginLoadError(location, name, "guiceModule() returned " + module.getClass().getName()
                    + ", which is not a com.google.inject.Module", null));
            return null;
        }
        Injector injector;
        try (ThreadContextClassLoader ignored = new ThreadContextClassLoader(loader)) {
            injector = Guice.createInjector(Stage.DEVELOPMENT,
                    new PluginComponentsModule(binder.bindings(), (Module) module));
        } catch (CreationException | ConfigurationException e) {
            errors.add(new PluginLoadError(location, name, "invalid bindings: " + guiceMessages(e), e));
            return null;
        } catch (RuntimeException | LinkageError e) {
            errors.add(new PluginLoadError(location, name, "injector failed: " + Causes.describe(e), e));
            return null;
        }
        List<ComponentDescriptor> components = new ArrayList<>();
        for (ComponentBinding binding : binder.bindings()) {
            ComponentDescriptor descriptor = build(injector, binding, name, version, location, loader, errors);
            if (descriptor != null) {
                components.add(descriptor);
            }
        }
        LOG.debug("loaded plugin {} {} from {} with {} component(s)", name, version, location, components.size());
        return new PluginInfo(name, version, location, components);
    }

    @SuppressWarnings("try") // the resource only scopes the context class loader
    private ComponentDescriptor build(Injector injector, ComponentBinding binding, String plugin, String version,
                                      Path location, PluginClassLoader loader, List<PluginLoadError> errors) {
        ComponentKind kind = binding.kind();
        String label = kind.describe(binding.name());
        try (ThreadContextClassLoader ignored = new ThreadContextClassLoader(loader)) {
            Map<String, Provider<? extends ComponentFactory<?>>> providers = injector.getInstance(providersKey(kind));
            ComponentFactory<?> factory = providers.get(binding.name()).get();
            String description = factory.description();
            ConfigSpec spec = factory.configSpec();
            FailureCounter counter = failureCounters.computeIfAbsent(label,
                    l -> new FailureCounter(l, LoggerFactory.getLogger("io.tributary.plugin." + kind.label() + "." + binding.name())));
            return new ComponentDescriptor(kind, binding.name(), description, spec, plugin, version, location, factory,
                    loader, counter);
        } catch (ProvisionException | ConfigurationException e) {
            String type = binding.factoryClass() == null ? "" : " " + binding.factoryClass().getName();
            errors.add(new PluginLoadError(location, plugin, label + ": factory" + type + " could not be created: "
                    + Causes.describe(e), e));
        } catch (Exception | LinkageError e) {
            errors.add(new PluginLoadError(location, plugin, label + ": " + Causes.describe(e), e));
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Key<Map<String, Provider<? extends ComponentFactory<?>>>> providersKey(ComponentKind kind) {
        return (Key<Map<String, Provider<? extends ComponentFactory<?>>>>) Key.get(
                Types.mapOf(String.class, Types.providerOf(kind.factoryType())));
    }

    private static String guiceMessages(RuntimeException e) {
        List<Message> messages = e instanceof CreationException c ? new ArrayList<>(c.getErrorMessages())
                : new ArrayList<>(((ConfigurationException) e).getErrorMessages());
        return messages.stream()
                .map(m -> m.getCause() != null ? Causes.describe(m.getCause()) : firstLine(m.getMessage()))
                .collect(Collectors.joining("; "));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }

    static void closeQuietly(PluginClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed", loader, e);
        }
    }
}
