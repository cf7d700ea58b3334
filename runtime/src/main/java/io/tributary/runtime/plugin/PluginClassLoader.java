package io.tributary.runtime.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * One plugin's class loader, after Trino's: the API packages come from the host (parent-first), so
 * plugin and host agree on {@code io.tributary.api.*}, Guice, slf4j and friends; everything else is
 * looked up in the plugin's own jars first and then in the JDK, never in the host's class path. Two
 * plugins can therefore bundle conflicting versions of one library, and a plugin cannot reach the
 * runtime's internals by accident.
 *
 * <p>Shared classes missing from the host (e.g. Avro when the host does not ship it) fall back to
 * the plugin's own copy rather than failing.
 */
final class PluginClassLoader extends URLClassLoader {

    /** Package prefixes shared with the host, as class-name prefixes. */
    static final List<String> SHARED_PACKAGES = List.of(
            "io.tributary.api.",
            "jakarta.inject.",
            "com.google.inject.",
            "org.aopalliance.",
            "org.apache.avro.",
            "com.codahale.metrics.",
            "org.slf4j.");

    private static final List<String> SHARED_RESOURCES =
            SHARED_PACKAGES.stream().map(p -> p.replace('.', '/')).toList();

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;
    private final ClassLoader platform;

    PluginClassLoader(String name, List<URL> jars, ClassLoader host) {
        super(name, jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.host = host;
        this.platform = ClassLoader.getPlatformClassLoader();
    }

    static boolean isSharedClass(String className) {
        for (String prefix : SHARED_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static boolean isSharedResource(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        for (String prefix : SHARED_RESOURCES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                type = lookUp(name);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    private Class<?> lookUp(String name) throws ClassNotFoundException {
        if (name.startsWith("java.")) {
            return platform.loadClass(name);
        }
        if (isSharedClass(name)) {
            try {
                return host.loadClass(name);
            } catch (ClassNotFoundException notInHost) {
                return findClass(name);
            }
        }
        try {
            return findClass(name);
        } catch (ClassNotFoundException notInPlugin) {
            return platform.loadClass(name);
        }
    }

    @Override
    public URL getResource(String name) {
        if (isSharedResource(name)) {
            URL url = host.getResource(name);
            return url != null ? url : findResource(name);
        }
        URL url = findResource(name);
        return url != null ? url : platform.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> urls = new ArrayList<>();
        if (isSharedResource(name)) {
            urls.addAll(Collections.list(host.getResources(name)));
        }
        urls.addAll(Collections.list(findResources(name)));
        if (!isSharedResource(name)) {
            urls.addAll(Collections.list(platform.getResources(name)));
        }
        return Collections.enumeration(urls);
    }

    @Override
    public String toString() {
        return "PluginClassLoader[" + getName() + "]";
    }
}
