package io.tributary.plugins.sim;

import io.tributary.api.Message;
import io.tributary.api.TopicPattern;
import io.tributary.api.market.Quote;
import io.tributary.api.market.RegimeChange;
import io.tributary.api.market.Trade;
import io.tributary.api.spi.ConfigException;
import io.tributary.api.spi.VenueAdapter;
import io.tributary.plugins.testkit.ManualClock;
import io.tributary.plugins.testkit.SyncBus;
import io.tributary.plugins.testkit.TestPluginContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimVenueAdapterTest {

    private final SimVenueFactory factory = new SimVenueFactory();

    private SimVenueAdapter create(SyncBus bus, Map<String, ?> config) {
        return (SimVenueAdapter) factory.create(factory.configSpec().validate("venue 'sim'", config),
                new TestPluginContext(bus, new ManualClock(5), "venue 'sim'"));
    }

    private List<Message<?>> runToEnd(Map<String, ?> config, String... patterns) throws Exception {
        SyncBus bus = new SyncBus();
        SimVenueAdapter sim = create(bus, config);
        sim.connect();
        for (String p : patterns) {
            sim.subscribe(TopicPattern.parse(p));
        }
        assertTrue(sim.awaitFinished(Duration.ofSeconds(30)), "generator stops at maxQuotes");
        sim.disconnect();
        return bus.published();
    }

    @Test
    void publishesDeterministicQuotesAndTradesOnTheirTopics() throws Exception {
        Map<String, Object> config = Map.of("seed", 99, "rate", 0, "maxQuotes", 3_000, "startTime", 1_000_000,
                "regimeMeanSteps", 50);
        List<Message<?>> first = runToEnd(config, "data.**");
        List<Message<?>> second = runToEnd(config, "data.**");
        assertEquals(first.stream().map(Message::payload).toList(), second.stream().map(Message::payload).toList());
        assertEquals(3_000, first.stream().filter(m -> m.payload() instanceof Quote).count());
        for (Message<?> m : first) {
            if (m.payload() instanceof Quote q) {
                assertEquals("data.quotes." + q.instrument().venue() + "." + q.instrument().symbol(), m.topic());
                assertEquals(q.instrument(), m.key());
            } else if (m.payload() instanceof Trade t) {
                assertEquals("data.trades." + t.instrument().venue() + "." + t.instrument().symbol(), m.topic());
            } else {
                assertTrue(m.payload() instanceof RegimeChange, m::toString);
                assertTrue(m.topic().startsWith("data.regimes."), m.topic());
            }
        }
        assertTrue(first.stream().anyMatch(m -> m.payload() instanceof Trade));
        assertTrue(first.stream().anyMatch(m -> m.payload() instanceof RegimeChange));
    }

    @Test
    void publishesOnlyWhatWasSubscribed() throws Exception {
        List<Message<?>> published = runToEnd(Map.of("rate", 0, "maxQuotes", 900, "venues", "X1,X2",
                "symbols", List.of("AAA", "BBB")), "data.quotes.X2.*");
        assertEquals(450, published.size(), "half the quotes are X2's; no trades, no regimes");
        assertTrue(published.stream().allMatch(m -> m.topic().startsWith("data.quotes.X2.")));
    }

    @Test
    void pacedRunIsStoppedByDisconnect() throws Exception {
        SyncBus bus = new SyncBus();
        SimVenueAdapter sim = create(bus, Map.of("rate", 1_000));
        sim.connect();
        sim.subscribe(TopicPattern.parse("data.quotes.**"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sim.quotesGenerated() < 10 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        sim.disconnect();
        assertTrue(sim.awaitFinished(Duration.ofSeconds(10)));
        long generated = sim.quotesGenerated();
        assertTrue(generated >= 10, "generated " + generated);
        assertTrue(sim.capabilities().contains(VenueAdapter.Capability.MARKET_DATA));
    }

    @Test
    void badConfigIsNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> create(new SyncBus(),
                Map.of("symbols", "AAA,BBB", "prices", "1.5")));
        assertEquals("invalid config for venue 'sim': key 'prices': needs one price per symbol (2), got 1", e.getMessage());
        ConfigException dots = assertThrows(ConfigException.class, () -> create(new SyncBus(), Map.of("venues", "A.B")));
        assertTrue(dots.getMessage().contains("key 'venues': instrument venue 'A.B' must not contain '.'"), dots.getMessage());
        assertThrows(ConfigException.class, () -> create(new SyncBus(), Map.of("venues", "A,A")));
    }

    @Test
    void subscribeBeforeConnectIsRefused() {
        SimVenueAdapter sim = create(new SyncBus(), Map.of());
        assertThrows(IllegalStateException.class, () -> sim.subscribe(TopicPattern.parse("data.**")));
    }
}
