package io.tributary.runtime.cli.synthetic;

import io.tributary.api.EpochClock;
import io.tributary.api.Envelope;
import io.tributary.api.MessageHandler;
import io.tributary.api.SubscribeOptions;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.config.SyntheticSourceSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticMarketDataTest {
    private static final SyntheticSourceSettings SETTINGS = new SyntheticSourceSettings(true, 1000, 7,
            List.of("BINANCE", "KRAKEN"), List.of("BTCUSDT", "ETHUSDT"), 20, 5);

    /** Topic, key and payload of every message, published synchronously with a fixed clock. */
    private static List<String> capture(int count) {
        try (LocalMessageBus bus = LocalMessageBus.withDefaults()) {
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            MessageHandler<Object> handler = (Envelope<Object> m) -> seen.add(m.topic() + " " + m.key() + " " + m.payload());
            bus.subscribe("**", handler, SubscribeOptions.inline());
            SyntheticMarketData feed = new SyntheticMarketData(bus, SETTINGS, new PlainMarketData(), () -> 1_000_000_000L);
            feed.publish(count);
            assertEquals(count, feed.published());
            return new ArrayList<>(seen);
        }
    }

    @Test
    void sameSeedSameMessagesOnTheExpectedTopicsWithKeys() {
        List<String> first = capture(2000);
        assertEquals(first, capture(2000));
        long quotes = first.stream().filter(s -> s.startsWith("data.quotes.")).count();
        long trades = first.stream().filter(s -> s.startsWith("data.trades.")).count();
        long orders = first.stream().filter(s -> s.startsWith("orders.new.acc-")).count();
        assertEquals(2000, quotes + trades + orders);
        assertTrue(trades > 300 && trades < 500, "about 20% trades: " + trades);
        assertTrue(orders > 60 && orders < 150, "about 5% orders: " + orders);
        assertTrue(first.stream().filter(s -> s.startsWith("data.quotes.BINANCE.BTCUSDT ")).allMatch(s -> s.contains(" BTCUSDT Quote[venue=BINANCE, symbol=BTCUSDT")),
                "quotes keyed by symbol, payload matching the topic");
        assertTrue(first.stream().filter(s -> s.startsWith("orders.new.acc-2 ")).allMatch(s -> s.contains("account=acc-2")),
                "orders keyed and routed by their account");
    }

    @Test
    void quotesAreNeverCrossedAndEventTimesAreNotInTheFuture() {
        List<String> messages = capture(500);
        for (String m : messages) {
            if (m.startsWith("data.quotes.")) {
                long bid = Long.parseLong(m.replaceAll(".*bidMantissa=(\\d+).*", "$1"));
                long ask = Long.parseLong(m.replaceAll(".*askMantissa=(\\d+).*", "$1"));
                assertTrue(bid < ask, m);
                long ts = Long.parseLong(m.replaceAll(".*tsEventNanos=(\\d+).*", "$1"));
                assertTrue(ts <= 1_000_000_000L && ts > 1_000_000_000L - 2_000_000L, m);
            }
        }
    }

    @Test
    void theFeedThreadPublishesAtRoughlyTheRateAndStops() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (LocalMessageBus bus = LocalMessageBus.withDefaults()) {
                SyntheticMarketData feed = new SyntheticMarketData(bus, SETTINGS, new PlainMarketData(), EpochClock.SYSTEM);
                feed.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (feed.published() < 200 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                feed.close();
                long stopped = feed.published();
                assertTrue(stopped >= 200, "published " + stopped);
                assertEquals(stopped, feed.published(), "close() joined the feed thread: nothing after it");
            }
        });
    }
}
