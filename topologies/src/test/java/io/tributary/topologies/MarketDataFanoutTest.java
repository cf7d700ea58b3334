package io.tributary.topologies;

import io.tributary.api.Message;
import io.tributary.api.Priority;
import io.tributary.runtime.testing.TopologyTestDriver;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.Quote;
import io.tributary.topologies.model.Quotes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketDataFanoutTest {

    static Quote quote(String venue, String symbol, long bid, long ask) {
        return new Quote(InstrumentId.of(venue, symbol), bid, ask, 5, 7, 2, 0, 0, 0);
    }

    @Test
    void everyTradableQuoteReachesStrategiesOnHighKeyedBySymbol() {
        try (TopologyTestDriver driver = new TopologyTestDriver(new MarketDataFanout())) {
            driver.input("data.quotes.BINANCE.BTCUSDT").pipe(quote("BINANCE", "BTCUSDT", 100, 101));
            driver.input("data.quotes.KRAKEN.ETHUSDT").pipe(quote("KRAKEN", "ETHUSDT", 50, 49)); // crossed
            driver.input("data.quotes.COINBASE.BTCUSDT").pipe(quote("COINBASE", "BTCUSDT", 99, 100));
            List<Message<Quote>> out = driver.<Quote>output("strategy.quotes").readRecords();
            assertEquals(List.of("BINANCE", "COINBASE"), out.stream().map(m -> Quotes.venue(m.payload())).toList());
            assertTrue(out.stream().allMatch(m -> m.priority() == Priority.HIGH && m.key().equals("BTCUSDT")));
        }
    }

    @Test
    void screensGetTheLatestQuotePerSymbolPerVenueOnLowEveryInterval() {
        try (TopologyTestDriver driver = new TopologyTestDriver(new MarketDataFanout())) {
            for (int i = 0; i < 10; i++) {
                driver.input("data.quotes.BINANCE.BTCUSDT").pipe(quote("BINANCE", "BTCUSDT", 100 + i, 200));
            }
            driver.input("data.quotes.BINANCE.ETHUSDT").pipe(quote("BINANCE", "ETHUSDT", 10, 11));
            driver.input("data.quotes.KRAKEN.BTCUSDT").pipe(quote("KRAKEN", "BTCUSDT", 1, 2));
            assertTrue(driver.output("ui.quotes.binance").isEmpty(), "conflated until the interval passes");

            driver.advanceTime(MarketDataFanout.UI_INTERVAL);
            List<Message<Quote>> binance = driver.<Quote>output("ui.quotes.binance").readRecords();
            assertEquals(2, binance.size());
            Quote btc = binance.stream().map(Message::payload).filter(q -> Quotes.symbol(q).equals("BTCUSDT")).findFirst().orElseThrow();
            assertEquals(109, btc.bidPrice(), "only the latest of the ten BTC quotes");
            assertTrue(binance.stream().allMatch(m -> m.priority() == Priority.LOW));
            assertEquals(List.of("KRAKEN"), driver.<Quote>output("ui.quotes.other").readAll().stream().map(Quotes::venue).toList());
            assertTrue(driver.output("ui.quotes.coinbase").isEmpty());
            assertEquals(9L, driver.counters().get("latest-binance.conflated"));
        }
    }
}
