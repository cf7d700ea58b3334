package io.tributary.runtime.plugin;

import io.tributary.api.Message;
import io.tributary.api.Priority;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Policy;
import io.tributary.api.dsl.Sinks;
import io.tributary.api.dsl.Stream;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.dsl.Venue;
import io.tributary.api.graph.PluginRef;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.OrderCommand;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.compile.TopologyCompiler;
import io.tributary.runtime.compile.TopologyValidationException;
import io.tributary.runtime.testing.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tributary.runtime.plugin.TestPlugins.SPI_IMPORTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A compiled plan runs the plugins it names: {@link PluginCatalog#of(LoadedPlugins)} checks names
 * and configs at compile time; the plan creates, connects, subscribes and disconnects the venue,
 * routes through the policy (to each destination) and writes, flushes and closes the sink.
 */
class PluginWiringTest {

    @TempDir
    static Path dir;

    static LoadedPlugins plugins;

    @BeforeAll
    static void load() throws Exception {
        TestJar.create()
                .source("com.wire.P", "package com.wire;\n" + SPI_IMPORTS + """
                        public final class P implements TributaryPlugin {
                            public String name() { return "wire"; }
                            public void configure(ComponentBinder b) {
                                b.venue("wire-venue", new V()).policy("fan", new F()).sink("rec", new S());
                            }
                        }
                        """)
                .source("com.wire.V", "package com.wire;\n" + SPI_IMPORTS + """
                        public final class V implements VenueAdapterFactory {
                            static final ConfigKey<Integer> COUNT = ConfigKey.ofInt("count").defaultValue(1)
                                .check(c -> c >= 0, "must be >= 0");
                            public ConfigSpec configSpec() { return ConfigSpec.of(COUNT); }
                            public VenueAdapter create(ComponentConfig config, PluginContext ctx) {
                                int count = config.get(COUNT);
                                return new VenueAdapter() {
                                    public Set<Capability> capabilities() {
                                        return EnumSet.of(Capability.MARKET_DATA, Capability.EXECUTION);
                                    }
                                    public void connect() { ctx.bus().publish("life", "connect"); }
                                    public void subscribe(TopicPattern p) {
                                        ctx.bus().publish("life", "subscribe " + p.pattern());
                                        for (int i = 0; i < count; i++) {
                                            ctx.bus().publish("feed.a", "a" + i);
                                            ctx.bus().publish("feed.b", "b" + i);
                                        }
                                    }
                                    public void onCommand(OrderCommand c) { ctx.bus().publish("life", "command " + c.clientOrderId()); }
                                    public void disconnect() { ctx.bus().publish("life", "disconnect"); }
                                };
                            }
                        }
                        """)
                .source("com.wire.F", "package com.wire;\n" + SPI_IMPORTS + """
                        public final class F implements RoutingPolicyFactory {
                            public RoutingPolicy create(ComponentConfig config, PluginContext ctx) {
                                RouteDecision both = RouteDecision.to(Priority.HIGH, "out.x", "out.y");
                                return (m, c) -> m.topic().equals("feed.a") && c.stageName().equals("fan")
                                    ? both : RouteDecision.DROP;
                            }
                        }
                        """)
                .source("com.wire.S", "package com.wire;\n" + SPI_IMPORTS + """
                        public final class S implements SinkFactory {
                            public Sink create(ComponentConfig config, PluginContext ctx) {
                                return new Sink() {
                                    public void open() { ctx.bus().publish("life", "open"); }
                                    public void write(Envelope<?> m) { ctx.bus().publish("sunk", m.payload()); }
                                    public void flush() { ctx.bus().publish("life", "flush"); }
                                    public void close() { ctx.bus().publish("life", "close"); }
                                };
                            }
                        }
                        """)
                .service("com.wire.P")
                .writeTo(dir.resolve("wire.jar"));
        plugins = new PluginManager().load(dir);
        assertEquals(List.of(), plugins.errors());
    }

    @AfterAll
    static void close() {
        plugins.close();
    }

    static final PluginRef VENUE = Venue.ref("wire-venue", Map.of("count", 2));

    static Topology desk() {
        TopologyBuilder t = new TopologyBuilder("wired");
        Stream<String> feed = t.source(Named.as("feed"), VENUE).subscribe("feed.*");
        feed.route(Policy.ref("fan"), Named.as("fan")).to("unrouted", Named.as("routed"));
        feed.to(Sinks.ref("rec"), Named.as("recorded"));
        t.<OrderCommand>stream("orders.in", Named.as("orders")).to(VENUE, Named.as("exec"));
        return t.build();
    }

    @Test
    void thePlanRunsTheVenuePolicyAndSinkOfThePlugins() {
        TopologyTestDriver driver = TopologyTestDriver.builder(desk()).catalog(PluginCatalog.of(plugins)).build();
        try {
            // the sink opens before the venue connects; one adapter for the source and the terminal
            // that name the same venue and config
            assertEquals(List.of("open", "connect", "subscribe feed.*"), driver.<String>output("life").readAll());
            assertEquals(List.of("a0", "a1"), driver.<String>output("out.x").readAll());
            List<Message<Object>> y = driver.<Object>output("out.y").readRecords();
            assertEquals(List.of("a0", "a1"), y.stream().map(Message::payload).toList());
            assertEquals(Priority.HIGH, y.get(0).priority());
            assertTrue(driver.output("unrouted").isEmpty());
            assertEquals(2L, driver.counters().get("fan.route-dropped"));
            assertEquals(List.of("a0", "b0", "a1", "b1"), driver.<String>output("sunk").readAll());

            driver.advanceTime(Duration.ofMillis(10));
            assertEquals(List.of("flush"), driver.<String>output("life").readAll());
            driver.advanceTime(Duration.ofMillis(10));
            assertTrue(driver.output("life").isEmpty(), "nothing written since the last flush");

            driver.input("orders.in").pipe(OrderCommand.Cancel.of("c-1", InstrumentId.of("SIMA", "BTCUSD")));
            assertEquals(List.of("command c-1"), driver.<String>output("life").readAll());
        } finally {
            driver.close();
        }
        assertEquals(List.of("disconnect", "close"), driver.<String>output("life").readAll(),
                "nothing written since the last flush: closed without one");
    }

    @Test
    void stoppingThePlanClosesTheSinkAndDisconnectsTheVenue() {
        TopologyTestDriver driver = TopologyTestDriver.builder(desk()).catalog(PluginCatalog.of(plugins)).build();
        driver.output("life").readAll();
        driver.close();
        // the venue stops publishing before the sink behind it is flushed and closed
        assertEquals(List.of("disconnect", "flush", "close"), driver.<String>output("life").readAll());
    }

    @Test
    void unknownNamesAndBadConfigsAreCompileErrorsNamingTheNodeComponentAndKey() {
        TopologyBuilder t = new TopologyBuilder("bad");
        t.source(Named.as("feed"), Venue.ref("nope")).<String>subscribe("feed.*").to("x", Named.as("to-x"));
        t.source(Named.as("typo"), Venue.ref("wire-venue", Map.of("cuont", 2))).<String>subscribe("feed.a")
                .to("y", Named.as("to-y"));
        t.source(Named.as("negative"), Venue.ref("wire-venue", Map.of("count", -1))).<String>subscribe("feed.b")
                .to(Sinks.ref("file"), Named.as("to-file"));
        TopologyValidationException e = assertThrows(TopologyValidationException.class,
                () -> new TopologyCompiler(PluginCatalog.of(plugins)).compile(t.build()));
        String message = e.getMessage();
        assertTrue(message.contains("[feed] unknown venue 'nope'; known venues: wire-venue"), message);
        assertTrue(message.contains("[typo]") && message.contains("venue 'wire-venue'") && message.contains("'cuont'"),
                message);
        assertTrue(message.contains("[negative]") && message.contains("'count'") && message.contains("must be >= 0"),
                message);
        assertTrue(message.contains("[to-file] unknown sink 'file'; known sinks: rec"), message);
    }
}
