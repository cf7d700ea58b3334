package io.tributary.runtime.cli;

import io.tributary.api.dsl.TopologyDefinition;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Finds the topology a command names:
 * <ul>
 *   <li>nothing: {@value #DEFAULT}, the default desk;</li>
 *   <li>a built-in name such as {@code trade-bars}: a {@link TopologyDefinition} registered with
 *       {@link ServiceLoader} on the class path (the examples jar registers its desks);</li>
 *   <li>a class name: that class, which needs a public no-argument constructor;</li>
 *   <li>a jar, optionally {@code file.jar#name}: the definition its
 *       {@code META-INF/services/io.tributary.api.dsl.TopologyDefinition} names.</li>
 * </ul>
 */
final class TopologyResolver {
    static final String DEFAULT = "default-desk";
    static final String SERVICE_FILE = "META-INF/services/" + TopologyDefinition.class.getName();

    private final ClassLoader loader;

    TopologyResolver(ClassLoader loader) {
        this.loader = loader;
    }

    /** Registered definitions by name, in class-path order. */
    Map<String, TopologyDefinition> builtIns() {
        return byName(ServiceLoader.load(TopologyDefinition.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList(), "the class path");
    }

    /** @throws IllegalArgumentException naming what was tried and what exists */
    TopologyDefinition resolve(String spec) {
        String name = spec == null || spec.isBlank() ? DEFAULT : spec.trim();
        String jarPart = name.contains("#") ? name.substring(0, name.indexOf('#')) : name;
        if (jarPart.endsWith(".jar") || Files.isRegularFile(Path.of(jarPart))) {
            return fromJar(Path.of(jarPart), name.contains("#") ? name.substring(name.indexOf('#') + 1) : null);
        }
        Map<String, TopologyDefinition> builtIns = builtIns();
        TopologyDefinition builtIn = builtIns.get(name);
        if (builtIn != null) {
            return builtIn;
        }
        if (name.contains(".")) {
            return fromClass(name, loader);
        }
        throw new IllegalArgumentException("unknown topology '" + name + "'; built-in topologies: "
                + (builtIns.isEmpty() ? "none (put tributary-topologies.jar on the class path)"
                : String.join(", ", builtIns.keySet()))
                + "; or give a class name or a jar");
    }

    private static TopologyDefinition fromClass(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("unknown topology '" + className + "': no such class on the class path");
        }
        if (!TopologyDefinition.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("class " + className + " does not implement " + TopologyDefinition.class.getName());
        }
        try {
            return (TopologyDefinition) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create topology " + className
                    + ": it needs a public no-argument constructor (" + e + ")");
        }
    }

    /**
     * Reads the jar's own service file (not the class path's: the same jar may also be on the class
     * path) and creates the classes it names through a loader that sees the jar.
     */
    private TopologyDefinition fromJar(Path jar, String wanted) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("topology jar " + jar + " does not exist");
        }
        List<String> classNames = serviceEntries(jar);
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("topology jar " + jar + " names no topology in " + SERVICE_FILE);
        }
        URLClassLoader jarLoader;
        try {
            jarLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, loader);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cannot read topology jar " + jar + ": " + e.getMessage());
        }
        List<TopologyDefinition> found = new ArrayList<>();
        for (String className : classNames) {
            found.add(fromClass(className, jarLoader));
        }
        Map<String, TopologyDefinition> byName = byName(found, jar.toString());
        if (wanted != null) {
            TopologyDefinition d = byName.get(wanted);
            if (d == null) {
                throw new IllegalArgumentException("topology jar " + jar + " has no topology '" + wanted
                        + "'; it has: " + String.join(", ", byName.keySet()));
            }
            return d;
        }
        if (byName.size() > 1) {
            throw new IllegalArgumentException("topology jar " + jar + " has several topologies ("
                    + String.join(", ", byName.keySet()) + "); pick one with " + jar + "#<name>");
        }
        return byName.values().iterator().next();
    }

    private static List<String> serviceEntries(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry(SERVICE_FILE);
            if (entry == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(entry),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    int comment = line.indexOf('#');
                    String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
            }
            return names;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read topology jar " + jar + ": " + e.getMessage());
        }
    }

    private static Map<String, TopologyDefinition> byName(List<TopologyDefinition> definitions, String where) {
        Map<String, TopologyDefinition> byName = new LinkedHashMap<>();
        for (TopologyDefinition d : definitions) {
            TopologyDefinition previous = byName.putIfAbsent(d.name(), d);
            if (previous != null) {
                throw new IllegalArgumentException("two topologies named '" + d.name() + "' on " + where + ": "
                        + previous.getClass().getName() + " and " + d.getClass().getName());
            }
        }
        return byName;
    }

}
