package io.tributary.runtime.plugin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DefaultDirectoryTest {

    @TempDir
    Path root;

    @Test
    void propertyThenEnvironmentThenPluginsDistFoundWalkingUp() throws Exception {
        Path dist = Files.createDirectories(root.resolve("plugins-dist"));
        Path deep = Files.createDirectories(root.resolve("runtime/target"));
        Path elsewhere = Files.createDirectories(root.resolve("x")).resolve("y");
        assertEquals(Path.of("/p").toAbsolutePath(), PluginManager.defaultDirectory("/p", "/e", deep, null));
        assertEquals(Path.of("/e").toAbsolutePath(), PluginManager.defaultDirectory(" ", "/e", deep, null));
        assertEquals(dist, PluginManager.defaultDirectory(null, null, deep, null));
        assertEquals(dist, PluginManager.defaultDirectory(null, null, Path.of("/"), deep.resolve("tributary-runtime.jar")));
        Path none = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")).resolve("no-dist-here-" + System.nanoTime()));
        try {
            Path fallback = PluginManager.defaultDirectory(null, null, none, null);
            assertEquals(none.resolve("plugins-dist"), fallback);
        } finally {
            Files.delete(none);
        }
        assertEquals(elsewhere.getParent().getParent().resolve("plugins-dist"),
                PluginManager.defaultDirectory(null, null, elsewhere, null));
    }
}
