package io.tributary.runtime.plugin;

import io.tributary.api.EpochClock;
import io.tributary.api.Message;
import io.tributary.api.Headers;
import io.tributary.api.Priority;
import io.tributary.api.spi.ComponentKind;
import io.tributary.api.spi.ConfigException;
import io.tributary.api.spi.ConfigKey;
import io.tributary.api.spi.RouteDecision;
import io.tributary.api.spi.RoutingContext;
import io.tributary.api.spi.Sink;
import io.tributary.api.spi.VenueAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginManagerTest {

    @TempDir
    static Path dir;

    static LoadedPlugins plugins;

    @BeforeAll
    static void load() throws Exception {
        TestPlugins.alpha(dir.resolve("alpha.jar"));
        plugins = new PluginManager().load(dir);
    }

    @AfterAll
    static void close() {
        plugins.close();
    }

    @Test
    void loadsPluginWithNameVersionJarAndComponents() {
        assertEquals(List.of(), plugins.errors());
        assertEquals(1, plugins.plugins().size());
        PluginInfo alpha = plugins.plugins().get(0);
        assertEquals("alpha", alpha.name());
        assertEquals("2.5.0", alpha.version());
        assertEquals(dir.resolve("alpha.jar").toAbsolutePath(), alpha.location());
        assertEquals(List.of("alpha-venue", "alpha-policy", "alpha-sink"),
                alpha.components().stream().map(ComponentDescriptor::name).toList());
        assertEquals(List.of("alpha-venue"), List.copyOf(plugins.names(ComponentKind.VENUE)));
        assertEquals(List.of("alpha-policy"), List.copyOf(plugins.names(ComponentKind.POLICY)));
        assertEquals(List.of("alpha-sink"), List.copyOf(plugins.names(ComponentKind.SINK)));
    }

    @Test
    void factoriesAreBuiltByGuiceWithThePluginsOwnBindings() {
        assertEquals("made by guice", plugins.venue("alpha-venue").description());
        assertEquals("made by guice", plugins.component(ComponentKind.VENUE, "alpha-venue").description());
    }

    @Test
    void componentsDeclareTheirConfigKeys() {
        List<ConfigKey<?>> keys = plugins.component(ComponentKind.VENUE, "alpha-venue").configSpec().keys();
        assertEquals(List.of("count (int, default 3): messages to publish on connect",
                "topic (string, default alpha.out): where to publish"), keys.stream().map(Object::toString).toList());
    }

    @Test
    void pluginSeesOnlyTheSharedPackagesOfTheHost() {
        assertEquals("sees host runtime: false", plugins.policy("alpha-policy").description());
    }

    @Test
    void createdVenueRunsWithItsConfigAndThePluginAsContextClassLoader() throws Exception {
        RecordingBus bus = new RecordingBus();
        VenueAdapter venue = plugins.createVenue("alpha-venue", Map.of("count", "2", "topic", "t.x"), bus, EpochClock.SYSTEM);
        venue.connect();
        venue.disconnect();
        assertEquals(List.of(new RecordingBus.Published("t.x", "plugin-loader:0"),
                new RecordingBus.Published("t.x", "plugin-loader:1")), bus.published());
    }

    @Test
    void badConfigNamesTheComponentAndTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> plugins.createVenue("alpha-venue", Map.of("count", 0, "topik", "x"), new RecordingBus(), EpochClock.SYSTEM));
        assertTrue(e.getMessage().startsWith("invalid config for venue 'alpha-venue'"), e.getMessage());
        assertTrue(e.getMessage().contains("key 'count': must be > 0, got 0"), e.getMessage());
        assertTrue(e.getMessage().contains("key 'topik': unknown key (did you mean 'topic'?)"), e.getMessage());
    }

    @Test
    void policyAndSinkWorkThroughTheirWrappers() throws Exception {
        RecordingBus bus = new RecordingBus();
        RouteDecision decision = plugins.createPolicy("alpha-policy", Map.of(), bus, EpochClock.SYSTEM)
                .route(message("data.x", "p"), context());
        assertEquals(RouteDecision.to(Priority.HIGH, "alpha.routed"), decision);
        Sink sink = plugins.createSink("alpha-sink", Map.of(), bus, EpochClock.SYSTEM);
        sink.open();
        sink.write(message("data.x", "payload-1"));
        sink.close();
        assertEquals(List.of(new RecordingBus.Published("alpha.sunk", "payload-1")), bus.published());
        assertNotSame(plugins.policy("alpha-policy"), plugins.component(ComponentKind.POLICY, "alpha-policy").rawFactory());
    }

    @Test
    void unknownNameListsTheNamesThatExist() {
        UnknownComponentException e = assertThrows(UnknownComponentException.class, () -> plugins.venue("alpah-venue"));
        assertTrue(e.getMessage().startsWith("no venue named 'alpah-venue'; venues that exist: alpha-venue"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        assertEquals(List.of("alpha-venue"), e.knownNames());
        UnknownComponentException policy = assertThrows(UnknownComponentException.class, () -> plugins.policy("x"));
        assertTrue(policy.getMessage().contains("policies that exist: alpha-policy"), policy.getMessage());
        assertFalse(plugins.find(ComponentKind.SINK, "x").isPresent());
    }

    @Test
    void missingDirectoryIsAnErrorAndLookupsSaySo() {
        try (LoadedPlugins none = new PluginManager().load(dir.resolve("nope"))) {
            assertEquals(1, none.errors().size());
            assertTrue(none.errors().get(0).toString().contains("nope: plugins directory does not exist"),
                    none.errors().get(0).toString());
            UnknownComponentException e = assertThrows(UnknownComponentException.class, () -> none.venue("sim"));
            assertTrue(e.getMessage().contains("no venues are loaded"), e.getMessage());
            assertTrue(e.getMessage().contains("plugins directory does not exist"), e.getMessage());
        }
    }

    static Message<Object> message(String topic, Object payload) {
        return new Message<>(1L, topic, null, payload, Priority.NORMAL, 0L, Headers.EMPTY);
    }

    static RoutingContext context() {
        return new RoutingContext() {
            @Override
            public String stageName() {
                return "test";
            }

            @Override
            public long nowNanos() {
                return 0;
            }
        };
    }
}
