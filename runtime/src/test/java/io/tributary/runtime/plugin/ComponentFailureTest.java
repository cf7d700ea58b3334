package io.tributary.runtime.plugin;

import io.tributary.api.EpochClock;
import io.tributary.api.TopicPattern;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.OrderCommand;
import io.tributary.api.spi.ComponentKind;
import io.tributary.api.spi.RouteDecision;
import io.tributary.api.spi.RoutingPolicy;
import io.tributary.api.spi.Sink;
import io.tributary.api.spi.VenueAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tributary.runtime.plugin.PluginManagerTest.context;
import static io.tributary.runtime.plugin.PluginManagerTest.message;
import static io.tributary.runtime.plugin.TestPlugins.SPI_IMPORTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exceptions thrown by plugin components at run time are isolated, named and counted. */
class ComponentFailureTest {

    @TempDir
    static Path dir;

    static LoadedPlugins plugins;

    @BeforeAll
    static void load() throws Exception {
        TestJar.create()
                .source("com.faulty.P", "package com.faulty;\n" + SPI_IMPORTS + """
                        public final class P implements TributaryPlugin {
                            public String name() { return "faulty"; }
                            public void configure(ComponentBinder b) {
                                b.venue("faulty-venue", new Venues()).venue("faulty-create", new CannotCreate())
                                 .policy("faulty-policy", new Policies()).sink("faulty-sink", new Sinks());
                            }
                        }
                        """)
                .source("com.faulty.Venues", "package com.faulty;\n" + SPI_IMPORTS + """
                        public final class Venues implements VenueAdapterFactory {
                            public VenueAdapter create(ComponentConfig c, PluginContext ctx) {
                                return new VenueAdapter() {
                                    public Set<Capability> capabilities() { return EnumSet.of(Capability.EXECUTION); }
                                    public void connect() { throw new IllegalStateException("connection refused"); }
                                    public void subscribe(TopicPattern p) {
                                        Thread t = ctx.newThread("feed", () -> { throw new IllegalStateException("feed died"); });
                                        t.start();
                                    }
                                    public void onCommand(OrderCommand command) {
                                        throw new IllegalArgumentException("cannot handle " + command.clientOrderId());
                                    }
                                    public void disconnect() { throw new IllegalStateException("disconnect failed"); }
                                };
                            }
                        }
                        """)
                .source("com.faulty.CannotCreate", "package com.faulty;\n" + SPI_IMPORTS + """
                        public final class CannotCreate implements VenueAdapterFactory {
                            public VenueAdapter create(ComponentConfig c, PluginContext ctx) throws Exception {
                                throw new java.io.IOException("no credentials file");
                            }
                        }
                        """)
                .source("com.faulty.Policies", "package com.faulty;\n" + SPI_IMPORTS + """
                        public final class Policies implements RoutingPolicyFactory {
                            public RoutingPolicy create(ComponentConfig c, PluginContext ctx) {
                                RouteDecision ok = RouteDecision.to(Priority.LOW, "ok");
                                return (message, context) -> {
                                    if (message.topic().contains("bad")) throw new IllegalStateException("bad topic");
                                    if (message.topic().contains("null")) return null;
                                    return ok;
                                };
                            }
                        }
                        """)
                .source("com.faulty.Sinks", "package com.faulty;\n" + SPI_IMPORTS + """
                        public final class Sinks implements SinkFactory {
                            public Sink create(ComponentConfig c, PluginContext ctx) {
                                return new Sink() {
                                    public void write(Envelope<?> m) throws Exception {
                                        if ("bad".equals(m.payload())) throw new java.io.IOException("disk full");
                                        ctx.bus().publish("written", m.payload());
                                    }
                                    public void flush() { throw new IllegalStateException("flush failed"); }
                                };
                            }
                        }
                        """)
                .service("com.faulty.P")
                .writeTo(dir.resolve("faulty.jar"));
        plugins = new PluginManager().load(dir);
        assertEquals(List.of(), plugins.errors());
    }

    @AfterAll
    static void close() {
        plugins.close();
    }

    @Test
    void routingFailuresDropTheMessageAndAreCounted() {
        RoutingPolicy policy = plugins.createPolicy("faulty-policy", Map.of(), new RecordingBus(), EpochClock.SYSTEM);
        long before = plugins.failures().count(ComponentKind.POLICY, "faulty-policy");
        assertSame(RouteDecision.DROP, policy.route(message("data.bad", "x"), context()));
        assertSame(RouteDecision.DROP, policy.route(message("data.null", "x"), context()));
        assertEquals(RouteDecision.to(io.tributary.api.Priority.LOW, "ok"), policy.route(message("data.good", "x"), context()));
        assertEquals(before + 2, plugins.failures().count(ComponentKind.POLICY, "faulty-policy"));
    }

    @Test
    void sinkWriteFailuresSkipTheMessageAndAreCounted() throws Exception {
        RecordingBus bus = new RecordingBus();
        Sink sink = plugins.createSink("faulty-sink", Map.of(), bus, EpochClock.SYSTEM);
        long before = plugins.failures().count(ComponentKind.SINK, "faulty-sink");
        sink.open();
        sink.write(message("t", "a"));
        sink.write(message("t", "bad"));
        sink.write(message("t", "b"));
        sink.flush();
        assertEquals(List.of(new RecordingBus.Published("written", "a"), new RecordingBus.Published("written", "b")),
                bus.published());
        assertEquals(before + 2, plugins.failures().count(ComponentKind.SINK, "faulty-sink"));
    }

    @Test
    void venueFailuresAreNamedOrCounted() throws Exception {
        VenueAdapter venue = plugins.createVenue("faulty-venue", Map.of(), new RecordingBus(), EpochClock.SYSTEM);
        long before = plugins.failures().count(ComponentKind.VENUE, "faulty-venue");
        PluginComponentException e = assertThrows(PluginComponentException.class, venue::connect);
        assertTrue(e.getMessage().startsWith("venue 'faulty-venue' (plugin faulty 1.0-test at " + dir.resolve("faulty.jar")
                + ") failed in connect: IllegalStateException: connection refused"), e.getMessage());
        venue.onCommand(OrderCommand.Cancel.of("c-1", InstrumentId.of("X", "Y")));
        venue.disconnect();
        assertEquals(before + 3, plugins.failures().count(ComponentKind.VENUE, "faulty-venue"));
    }

    @Test
    void anExceptionKillingAComponentThreadIsCounted() throws Exception {
        VenueAdapter venue = plugins.createVenue("faulty-venue", Map.of(), new RecordingBus(), EpochClock.SYSTEM);
        long before = plugins.failures().count(ComponentKind.VENUE, "faulty-venue");
        venue.subscribe(TopicPattern.parse("data.**"));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            while (plugins.failures().count(ComponentKind.VENUE, "faulty-venue") == before) {
                Thread.onSpinWait();
            }
        });
        assertTrue(plugins.failures().snapshot().containsKey("venue 'faulty-venue'"));
    }

    @Test
    void aFactoryThatThrowsIsNamed() {
        PluginComponentException e = assertThrows(PluginComponentException.class,
                () -> plugins.createVenue("faulty-create", Map.of(), new RecordingBus(), EpochClock.SYSTEM));
        assertTrue(e.getMessage().contains("venue 'faulty-create' (plugin faulty"), e.getMessage());
        assertTrue(e.getMessage().endsWith("failed in create: IOException: no credentials file"), e.getMessage());
        assertTrue(plugins.failures().count(ComponentKind.VENUE, "faulty-create") >= 1);
    }
}
