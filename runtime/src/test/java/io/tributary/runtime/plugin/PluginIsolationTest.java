package io.tributary.runtime.plugin;

import io.tributary.api.spi.ComponentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two plugins bundle different versions of one library class; each sees its own. */
class PluginIsolationTest {

    @TempDir
    Path work;

    @Test
    void conflictingLibraryVersionsLiveSideBySide() throws Exception {
        Path plugins = work.resolve("plugins");
        Path v1 = TestPlugins.versionLibrary(work.resolve("lib-v1.jar"), "1.0");
        Path v2 = TestPlugins.versionLibrary(work.resolve("lib-v2.jar"), "2.0");
        // plugin one: a single jar that bundles the library's class (a "fat" jar)
        Path one = TestPlugins.singleVenue(work.resolve("one-thin.jar"), "com.one", "one", "lib-one",
                "\"library \" + com.example.lib.Version.get()", v1);
        mergeJars(plugins.resolve("one.jar"), one, v1);
        // plugin two: a folder holding the plugin jar and the library jar
        TestPlugins.singleVenue(plugins.resolve("two").resolve("two.jar"), "com.two", "two", "lib-two",
                "\"library \" + com.example.lib.Version.get()", v2);
        java.nio.file.Files.copy(v2, plugins.resolve("two").resolve("lib-v2.jar"));

        try (LoadedPlugins loaded = new PluginManager().load(plugins)) {
            assertEquals(List.of(), loaded.errors());
            assertEquals("library 1.0", loaded.venue("lib-one").description());
            assertEquals("library 2.0", loaded.venue("lib-two").description());
            ClassLoader loaderOne = loaded.component(ComponentKind.VENUE, "lib-one").classLoader();
            ClassLoader loaderTwo = loaded.component(ComponentKind.VENUE, "lib-two").classLoader();
            Class<?> versionOne = loaderOne.loadClass("com.example.lib.Version");
            Class<?> versionTwo = loaderTwo.loadClass("com.example.lib.Version");
            assertNotSame(versionOne, versionTwo);
            assertSame(loaderOne, versionOne.getClassLoader());
            assertSame(loaderTwo, versionTwo.getClassLoader());
            // the API is one and the same class in host and plugins
            assertSame(io.tributary.api.spi.VenueAdapterFactory.class,
                    loaderOne.loadClass("io.tributary.api.spi.VenueAdapterFactory"));
            assertSame(org.slf4j.Logger.class, loaderTwo.loadClass("org.slf4j.Logger"));
            assertEquals(Path.of("two"), loaded.component(ComponentKind.VENUE, "lib-two").location().getFileName());
        }
    }

    @Test
    void sharedPackagesAreExactlyTheApiOnes() {
        assertTrue(PluginClassLoader.isSharedClass("io.tributary.api.spi.TributaryPlugin"));
        assertTrue(PluginClassLoader.isSharedClass("com.google.inject.Module"));
        assertTrue(PluginClassLoader.isSharedClass("org.slf4j.Logger"));
        assertTrue(PluginClassLoader.isSharedClass("org.apache.avro.Schema"));
        assertTrue(PluginClassLoader.isSharedClass("com.codahale.metrics.Counter"));
        assertTrue(PluginClassLoader.isSharedClass("jakarta.inject.Inject"));
        assertFalse(PluginClassLoader.isSharedClass("io.tributary.runtime.plugin.PluginManager"));
        assertFalse(PluginClassLoader.isSharedClass("io.tributary.apix.Thing"));
        assertFalse(PluginClassLoader.isSharedClass("com.google.common.collect.ImmutableList"));
        assertFalse(PluginClassLoader.isSharedResource("META-INF/services/io.tributary.api.spi.TributaryPlugin"));
        assertTrue(PluginClassLoader.isSharedResource("io/tributary/api/Topic.class"));
    }

    private static void mergeJars(Path target, Path... jars) throws Exception {
        java.nio.file.Files.createDirectories(target.getParent());
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(target))) {
            for (Path jar : jars) {
                try (var in = new java.util.jar.JarFile(jar.toFile())) {
                    for (var entries = in.entries(); entries.hasMoreElements(); ) {
                        var entry = entries.nextElement();
                        if (seen.add(entry.getName())) {
                            out.putNextEntry(new java.util.jar.JarEntry(entry.getName()));
                            out.write(in.getInputStream(entry).readAllBytes());
                            out.closeEntry();
                        }
                    }
                }
            }
        }
    }
}
