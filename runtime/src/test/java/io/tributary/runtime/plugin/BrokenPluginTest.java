package io.tributary.runtime.plugin;

import io.tributary.api.spi.ComponentKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static io.tributary.runtime.plugin.TestPlugins.SPI_IMPORTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of broken plugin is reported with its jar and cause, and the good ones still load. */
class BrokenPluginTest {

    @TempDir
    static Path work;

    static Path plugins;
    static LoadedPlugins loaded;

    @BeforeAll
    static void load() throws Exception {
        plugins = work.resolve("plugins");
        Files.createDirectories(plugins);
        TestPlugins.alpha(plugins.resolve("alpha.jar"));
        TestPlugins.notAZip(plugins.resolve("garbage.jar"));
        TestJar.create().rawManifest("Manifest-Version: 1.0\nthis line has no colon\n")
                .source("com.bad.P", "package com.bad; public class P {}").writeTo(plugins.resolve("bad-manifest.jar"));
        TestJar.create().source("com.none.Thing", "package com.none; public class Thing {}")
                .writeTo(plugins.resolve("no-service.jar"));
        TestJar.create().source("com.empty.Thing", "package com.empty; public class Thing {}")
                .service("").writeTo(plugins.resolve("empty-service.jar"));
        TestJar.create().source("com.missing.Present", "package com.missing; public class Present {}")
                .service("com.missing.Absent").writeTo(plugins.resolve("missing-class.jar"));
        TestJar.create().source("com.ctor.P", "package com.ctor;\n" + SPI_IMPORTS + """
                        public final class P implements TributaryPlugin {
                            public P() { throw new IllegalStateException("boom in constructor"); }
                            public String name() { return "ctor"; }
                            public void configure(ComponentBinder b) { }
                        }
                        """).service("com.ctor.P").writeTo(plugins.resolve("throwing-constructor.jar"));
        // compiled against a library that the plugin then does not ship
        Path lib = TestPlugins.versionLibrary(work.resolve("lib.jar"), "1");
        TestJar.create().classpath(lib).source("com.nodep.P", "package com.nodep;\n" + SPI_IMPORTS + """
                        public final class P implements TributaryPlugin {
                            public String name() { return "nodep"; }
                            public void configure(ComponentBinder b) {
                                b.venue("nodep-" + com.example.lib.Version.get(), (VenueAdapterFactory) null);
                            }
                        }
                        """).service("com.nodep.P").writeTo(plugins.resolve("missing-dependency.jar"));
        TestJar.create().source("com.cfg.P", "package com.cfg;\n" + SPI_IMPORTS + """
                        public final class P implements TributaryPlugin {
                            public String name() { return "cfg"; }
                            public void configure(ComponentBinder b) { b.venue("Bad Name", (VenueAdapterFactory) null); }
                        }
                        """).service("com.cfg.P").writeTo(plugins.resolve("bad-name.jar"));
        TestJar.create().source("com.mod.P", "package com.mod;\n" + SPI_IMPORTS + """
                        public final class P implements TributaryPlugin {
                            public String name() { return "mod"; }
                            public void configure(ComponentBinder b) { }
                            public Object guiceModule() { return "not a module"; }
                        }
                        """).service("com.mod.P").writeTo(plugins.resolve("bad-module.jar"));
        // one component's factory constructor throws: its sibling still loads
        TestJar.create().source("com.half.P", "package com.half;\n" + SPI_IMPORTS + """
                        public final class P implements TributaryPlugin {
                            public String name() { return "half"; }
                            public void configure(ComponentBinder b) {
                                b.venue("half-broken", Broken.class).venue("half-fine", Fine.class);
                            }
                        }
                        """).source("com.half.Broken", "package com.half;\n" + SPI_IMPORTS + """
                        public final class Broken implements VenueAdapterFactory {
                            public Broken() { throw new IllegalArgumentException("factory refuses to start"); }
                            public VenueAdapter create(ComponentConfig c, PluginContext ctx) { return null; }
                        }
                        """).source("com.half.Fine", "package com.half;\n" + SPI_IMPORTS + """
                        public final class Fine implements VenueAdapterFactory {
                            public String description() { return "fine"; }
                            public VenueAdapter create(ComponentConfig c, PluginContext ctx) { return null; }
                        }
                        """).service("com.half.P").writeTo(plugins.resolve("half.jar"));
        Files.createDirectories(plugins.resolve("empty-folder"));
        Files.writeString(plugins.resolve("README.txt"), "not a jar, ignored");
        loaded = new PluginManager().load(plugins);
    }

    @AfterAll
    static void close() {
        loaded.close();
    }

    private static PluginLoadError errorFor(String file) {
        List<PluginLoadError> matching = loaded.errors().stream()
                .filter(e -> e.location().getFileName().toString().equals(file)).toList();
        assertEquals(1, matching.size(), () -> "errors for " + file + ": " + matching + "\nall: " + all());
        return matching.get(0);
    }

    private static String all() {
        return loaded.errors().stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void goodPluginsStillLoad() {
        assertEquals(List.of("alpha", "half"), loaded.plugins().stream().map(PluginInfo::name).toList());
        assertEquals("made by guice", loaded.venue("alpha-venue").description());
        assertEquals("fine", loaded.venue("half-fine").description());
    }

    @Test
    void everyBrokenJarIsReportedOnce() {
        assertEquals(11, loaded.errors().size(), BrokenPluginTest::all);
    }

    @Test
    void notAZip() {
        PluginLoadError e = errorFor("garbage.jar");
        assertTrue(e.toString().startsWith(plugins.resolve("garbage.jar") + ": not a valid jar file ("), e.toString());
    }

    @Test
    void badManifest() {
        assertTrue(errorFor("bad-manifest.jar").message().startsWith("bad manifest: "), errorFor("bad-manifest.jar").message());
    }

    @Test
    void noServiceEntry() {
        assertEquals("not a Tributary plugin: no META-INF/services/io.tributary.api.spi.TributaryPlugin entry",
                errorFor("no-service.jar").message());
        assertEquals("META-INF/services/io.tributary.api.spi.TributaryPlugin lists no provider class",
                errorFor("empty-service.jar").message());
    }

    @Test
    void missingClass() {
        String message = errorFor("missing-class.jar").message();
        assertTrue(message.startsWith("cannot load plugin class: Provider com.missing.Absent not found"), message);
    }

    @Test
    void constructorThatThrows() {
        String message = errorFor("throwing-constructor.jar").message();
        assertTrue(message.startsWith("cannot load plugin class: Provider com.ctor.P could not be instantiated"), message);
        assertTrue(message.endsWith("IllegalStateException: boom in constructor"), message);
    }

    @Test
    void missingDependency() {
        PluginLoadError e = errorFor("missing-dependency.jar");
        assertTrue(e.message().startsWith("com.nodep.P failed to configure: NoClassDefFoundError: com/example/lib/Version"),
                e.message());
        assertTrue(e.message().contains("a class the plugin needs is in none of its jars"), e.message());
    }

    @Test
    void badComponentName() {
        String message = errorFor("bad-name.jar").message();
        assertTrue(message.contains("plugin cfg names a venue 'Bad Name': names are lower case"), message);
    }

    @Test
    void guiceModuleOfTheWrongType() {
        PluginLoadError e = errorFor("bad-module.jar");
        assertEquals("mod", e.plugin());
        assertEquals("guiceModule() returned java.lang.String, which is not a com.google.inject.Module", e.message());
    }

    @Test
    void factoryConstructorThatThrowsCostsOnlyThatComponent() {
        PluginLoadError e = errorFor("half.jar");
        assertEquals("half", e.plugin());
        assertTrue(e.message().startsWith("venue 'half-broken': factory com.half.Broken could not be created: "), e.message());
        assertTrue(e.message().endsWith("IllegalArgumentException: factory refuses to start"), e.message());
        assertTrue(loaded.find(ComponentKind.VENUE, "half-broken").isEmpty());
    }

    @Test
    void emptyFolder() {
        PluginLoadError e = errorFor("empty-folder");
        assertEquals("plugin folder contains no *.jar file", e.message());
        assertNull(e.plugin());
    }
}
