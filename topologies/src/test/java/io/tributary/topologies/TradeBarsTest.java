package io.tributary.topologies;

import io.tributary.api.Message;
import io.tributary.runtime.testing.TopologyTestDriver;
import io.tributary.api.market.AggressorSide;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.MarketTopics;
import io.tributary.api.market.Trade;
import io.tributary.topologies.model.Bar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TradeBarsTest {
    private static final long MS = 1_000_000L;

    static Trade trade(String venue, String symbol, long price, long qty, long tsNanos) {
        return new Trade(InstrumentId.of(venue, symbol), price, qty, 2, 0, AggressorSide.BUYER, "t-" + tsNanos,
                tsNanos, tsNanos);
    }

    @Test
    void tradesOfOneSecondBecomeOneBarPerSymbolAcrossVenues() {
        try (TopologyTestDriver driver = new TopologyTestDriver(new TradeBars())) {
            long t0 = driver.nowNanos();
            // each trade is published 10 ms after it happened, as a venue feed would
            pipeAt(driver, t0, 10, trade("BINANCE", "BTCUSDT", 100, 1, t0 + 10 * MS));
            pipeAt(driver, t0, 400, trade("COINBASE", "BTCUSDT", 105, 2, t0 + 400 * MS));
            pipeAt(driver, t0, 500, trade("BINANCE", "ETHUSDT", 50, 4, t0 + 500 * MS));
            pipeAt(driver, t0, 700, trade("BINANCE", "BTCUSDT", 98, 3, t0 + 700 * MS));
            pipeAt(driver, t0, 900, trade("BINANCE", "BTCUSDT", 101, 1, t0 + 900 * MS));

            driver.advanceTime(Duration.ofNanos(t0 + 1200 * MS - driver.nowNanos())); // stream time 1190 ms
            assertTrue(driver.output("bars.1s").isEmpty(), "grace of 200 ms not over yet");
            driver.advanceTime(Duration.ofMillis(10));

            List<Message<Bar>> bars = driver.<Bar>output("bars.1s").readRecords();
            assertEquals(2, bars.size());
            Bar btc = bars.stream().map(Message::payload).filter(b -> b.symbol().equals("BTCUSDT")).findFirst().orElseThrow();
            assertEquals(new Bar("BTCUSDT", 100, 105, 98, 101, 7, 4, 2, 0, t0, t0 + 1000 * MS), btc);
            assertEquals(List.of("BTCUSDT", "ETHUSDT"), bars.stream().map(m -> (String) m.key()).sorted().toList());
        }
    }

    /** Advances the clock to {@code ms} + 10 ms after {@code t0}, then pipes the trade. */
    private static void pipeAt(TopologyTestDriver driver, long t0, long ms, Trade trade) {
        driver.advanceTime(Duration.ofNanos(t0 + (ms + 10) * MS - driver.nowNanos()));
        driver.input(MarketTopics.trades(trade.instrument())).pipe(trade);
    }

    @Test
    void consecutiveSecondsGiveConsecutiveBars() {
        try (TopologyTestDriver driver = new TopologyTestDriver(new TradeBars())) {
            long t0 = driver.nowNanos();
            for (int s = 0; s < 3; s++) {
                driver.input("data.trades.BINANCE.BTCUSDT").pipe(trade("BINANCE", "BTCUSDT", 100 + s, 1, t0 + s * 1000 * MS + 5));
                driver.advanceTime(Duration.ofSeconds(1));
            }
            driver.advanceTime(Duration.ofSeconds(1));
            List<Bar> bars = driver.<Bar>output("bars.1s").readAll();
            bars = bars.stream().sorted(Comparator.comparingLong(Bar::startNanos)).toList();
            assertEquals(List.of(100L, 101L, 102L), bars.stream().map(Bar::close).toList());
            assertEquals(List.of(t0, t0 + 1000 * MS, t0 + 2000 * MS), bars.stream().map(Bar::startNanos).toList());
        }
    }

    @Test
    void tradesAfterTheGracePeriodGoToTheLateTopic() {
        try (TopologyTestDriver driver = new TopologyTestDriver(new TradeBars())) {
            long t0 = driver.nowNanos();
            driver.input("data.trades.BINANCE.BTCUSDT").pipe(trade("BINANCE", "BTCUSDT", 100, 1, t0 + 100 * MS));
            driver.advanceTime(Duration.ofMillis(1250));
            Trade straggler = trade("BINANCE", "BTCUSDT", 90, 1, t0 + 999 * MS);
            driver.input("data.trades.BINANCE.BTCUSDT").pipe(straggler);
            assertEquals(List.of(straggler), driver.output("bars.late").readAll());
            assertEquals(1L, driver.counters().get("bars-1s.late"));
            assertEquals(100, driver.<Bar>output("bars.1s").readValue().low(), "the straggler is not in the bar");
        }
    }
}
