package io.tributary.plugins.dist;

import io.tributary.api.EpochClock;
import io.tributary.api.Envelope;
import io.tributary.api.Headers;
import io.tributary.api.Message;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.TopicPattern;
import io.tributary.api.market.Decimal;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.OrderCommand;
import io.tributary.api.market.OrderEvent;
import io.tributary.api.market.Quote;
import io.tributary.api.market.Side;
import io.tributary.api.spi.ComponentKind;
import io.tributary.api.spi.RouteDecision;
import io.tributary.api.spi.RoutingContext;
import io.tributary.api.spi.RoutingPolicy;
import io.tributary.api.spi.VenueAdapter;
import io.tributary.plugins.testkit.SyncBus;
import io.tributary.runtime.cli.PluginsCommand;
import io.tributary.runtime.plugin.LoadedPlugins;
import io.tributary.runtime.plugin.PluginInfo;
import io.tributary.runtime.plugin.PluginManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged plugins, loaded from plugins-dist the way the command line loads them. */
class PluginDistributionIT {

    static LoadedPlugins plugins;

    @BeforeAll
    static void load() {
        plugins = PluginManager.loadDefault();
    }

    @AfterAll
    static void close() {
        plugins.close();
    }

    @Test
    void everyPluginLoadsFromItsOwnFolder() {
        assertEquals(List.of(), plugins.errors());
        assertEquals(Path.of(System.getProperty("tributary.plugins.dir")).toAbsolutePath().normalize(), plugins.directory());
        assertEquals(List.of("example-echo", "exec-paper", "routing-glob", "venue-replay", "venue-sim"),
                plugins.plugins().stream().map(PluginInfo::name).toList());
        for (PluginInfo plugin : plugins.plugins()) {
            assertEquals("0.1.0-SNAPSHOT", plugin.version(), plugin::toString);
            assertEquals(plugin.name(), plugin.location().getFileName().toString());
            assertTrue(Files.isDirectory(plugin.location()));
        }
        assertEquals(List.of("paper", "replay", "sim"), List.copyOf(plugins.names(ComponentKind.VENUE)));
        assertEquals(List.of("glob"), List.copyOf(plugins.names(ComponentKind.POLICY)));
        assertEquals(List.of("echo"), List.copyOf(plugins.names(ComponentKind.SINK)));
    }

    @Test
    void pluginClassesAreReachableOnlyThroughThePlugins() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.tributary.plugins.sim.SimPlugin"));
    }

    @Test
    void simFeedsPaperWhichFillsAtTheSimulatedTouch() throws Exception {
        SyncBus bus = new SyncBus(false);
        VenueAdapter paper = plugins.createVenue("paper", Map.of("venues", "SIMA,SIMB"), bus, EpochClock.SYSTEM);
        VenueAdapter sim = plugins.createVenue("sim", Map.of("venues", "SIMA,SIMB", "symbols", "BTCUSD",
                "rate", 0, "maxQuotes", 2_000, "seed", 3), bus, EpochClock.SYSTEM);
        InstrumentId btc = InstrumentId.of("SIMA", "BTCUSD");
        List<OrderEvent> events = new ArrayList<>();
        paper.connect();
        AtomicReference<Quote> touched = new AtomicReference<>();
        AtomicInteger seen = new AtomicInteger();
        CountDownLatch thousandQuotes = new CountDownLatch(1000);
        bus.subscribe("orders.events.SIMA", (Envelope<OrderEvent> m) -> events.add(m.payload()));
        bus.subscribe("data.quotes.SIMA.BTCUSD", (Envelope<Quote> m) -> {
            thousandQuotes.countDown();
            if (seen.incrementAndGet() == 500) {
                touched.set(m.payload());
                bus.publish("orders.commands.SIMA", "o-1",
                        OrderCommand.Submit.market("o-1", btc, Side.BUY, Decimal.parse("0.5")), Priority.CRITICAL);
            }
        }, SubscribeOptions.inline());
        sim.connect();
        sim.subscribe(TopicPattern.parse("data.quotes.**"));
        assertTrue(thousandQuotes.await(30, TimeUnit.SECONDS), "sim publishes");
        sim.disconnect();
        paper.disconnect();
        assertEquals(2, events.size(), events::toString);
        assertTrue(events.get(0) instanceof OrderEvent.Accepted, events::toString);
        OrderEvent.Filled fill = (OrderEvent.Filled) events.get(1);
        assertEquals(Side.BUY, fill.side());
        assertEquals(touched.get().ask(), fill.price(), "bought at the ask of the quote the paper venue had just seen");
        assertEquals(0, plugins.failures().total(), () -> plugins.failures().snapshot().toString());
    }

    @Test
    void globPolicyRoutesThroughItsPluginLoader() {
        RoutingPolicy glob = plugins.createPolicy("glob", Map.of("routes",
                List.of("data.quotes.** -> LOW ui.quotes", "orders.** -> CRITICAL risk")), new SyncBus(), EpochClock.SYSTEM);
        RoutingContext context = new RoutingContext() {
            @Override
            public String stageName() {
                return "it";
            }

            @Override
            public long nowNanos() {
                return 0;
            }
        };
        assertEquals(RouteDecision.to(Priority.CRITICAL, "risk"),
                glob.route(new Message<>(1, "orders.events.SIMA", null, "x", Priority.NORMAL, 0, Headers.EMPTY), context));
    }

    @Test
    void pluginsCommandListsThePackagedPlugins() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PluginsCommand());
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute());
        String text = out.toString();
        assertTrue(text.contains(": 5 loaded, 0 errors"), text);
        assertTrue(text.contains("venue-sim 0.1.0-SNAPSHOT"), text);
        assertTrue(text.matches("(?s).*\\n      seed +long +default 1 +random seed.*"), text);
        assertTrue(text.matches("(?s).*\\n      maxLatency +duration +default 2ms .*"), text);
        assertTrue(text.contains("  policy glob"), text);
    }
}
