package io.tributary.runtime.plugin;

import io.tributary.api.spi.ComponentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateComponentTest {

    @TempDir
    Path plugins;

    @Test
    void twoPluginsWithOneComponentNameIsAnErrorNamingBothJars() throws Exception {
        Path first = TestPlugins.singleVenue(plugins.resolve("first.jar"), "com.first", "first", "twin", "\"first\"");
        Path second = TestPlugins.singleVenue(plugins.resolve("second.jar"), "com.second", "second", "twin", "\"second\"");
        TestPlugins.singleVenue(plugins.resolve("third.jar"), "com.third", "third", "solo", "\"third\"");
        try (LoadedPlugins loaded = new PluginManager().load(plugins)) {
            assertEquals(1, loaded.errors().size(), loaded.errors()::toString);
            PluginLoadError error = loaded.errors().get(0);
            assertEquals(second, error.location());
            assertEquals("venue 'twin' is provided by both " + first + " (plugin first) and " + second
                    + " (plugin second); neither is usable until one is removed", error.message());
            UnknownComponentException e = assertThrows(UnknownComponentException.class, () -> loaded.venue("twin"));
            assertTrue(e.getMessage().startsWith("venue 'twin' is provided by more than one plugin (first at " + first
                    + " and second at " + second + ")"), e.getMessage());
            assertEquals(List.of("solo"), List.copyOf(loaded.names(ComponentKind.VENUE)));
            assertEquals(3, loaded.plugins().size());
        }
    }

    @Test
    void threeWayClashNamesTheFirstJarEachTime() throws Exception {
        Path a = TestPlugins.singleVenue(plugins.resolve("a.jar"), "com.a", "a", "same", "\"a\"");
        TestPlugins.singleVenue(plugins.resolve("b.jar"), "com.b", "b", "same", "\"b\"");
        Path c = TestPlugins.singleVenue(plugins.resolve("c.jar"), "com.c", "c", "same", "\"c\"");
        try (LoadedPlugins loaded = new PluginManager().load(plugins)) {
            assertEquals(2, loaded.errors().size());
            assertTrue(loaded.errors().get(1).message().contains("both " + a + " (plugin a) and " + c), loaded.errors().toString());
            assertTrue(loaded.names(ComponentKind.VENUE).isEmpty());
        }
    }

    @Test
    void twoPluginsWithOneNameIsAnError() throws Exception {
        Path x = TestPlugins.singleVenue(plugins.resolve("x.jar"), "com.x", "same-plugin", "x-venue", "\"x\"");
        Path y = TestPlugins.singleVenue(plugins.resolve("y.jar"), "com.y", "same-plugin", "y-venue", "\"y\"");
        try (LoadedPlugins loaded = new PluginManager().load(plugins)) {
            assertEquals(List.of("plugin name 'same-plugin' is used by both " + x + " and " + y),
                    loaded.errors().stream().map(PluginLoadError::message).toList());
            assertEquals("y", loaded.venue("y-venue").description());
        }
    }
}
