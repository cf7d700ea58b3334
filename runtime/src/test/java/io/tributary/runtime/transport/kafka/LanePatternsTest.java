package io.tributary.runtime.transport.kafka;

import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanePatternsTest {

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource({
            "data.trades.**, desk.data.trades.low, true",
            "data.trades.**, desk.data.trades.BINANCE.BTCUSDT.critical, true",
            "data.trades.**, desk.data.tradesX.BINANCE.normal, false",
            "data.trades.**, desk.data.trades, false",
            "data.*.BINANCE.*, desk.data.quotes.BINANCE.BTCUSDT.high, true",
            "data.*.BINANCE.*, desk.data.quotes.KRAKEN.BTCUSDT.high, false",
            "data.*.BINANCE.*, desk.data.quotes.BINANCE.BTCUSDT.urgent, false",
            "**.BTC*, desk.data.quotes.BTCUSDT.normal, true",
            "**.BTC*, desk.BTC.normal, true",
            "**.BTC*, desk.data.ETH.normal, false",
            "orders.new, desk.orders.new.critical, true",
            "orders.new, other.orders.new.critical, false",
            "orders.ne?, desk.orders.new.low, true",
            "**, desk.anything.at.all.low, true",
            "a.b+c, desk.a.b+c.low, true",
            "a.b+c, desk.a.bbc.low, false",
    })
    void matchesTheLaneTopicsOfThePattern(String pattern, String kafkaTopic, boolean matches) {
        assertEquals(matches, LanePatterns.lanesOf("desk", pattern).matcher(kafkaTopic).matches(),
                LanePatterns.lanesOf("desk", pattern).pattern());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "desk.orders.venue.BINANCE.critical, true",      // a stream made later: a route's destination
            "desk.orders.approved.critical, true",            // listed
            "desk.orders.new.acct-1.critical, false",         // matches an excluded pattern: the run writes it
            "desk.orders.new.fills.critical, true",           // listed, though an excluded pattern matches it
            "desk.orders.venue.BINANCE.high, false",          // another lane
            "desk.dlq, false",
            "other.orders.venue.BINANCE.critical, false",
            "desk.critical, false",
            "desk.data.trades.x.critical, false",             // second excluded pattern
    })
    void everyStreamButTheExcludedOnes(String kafkaTopic, boolean matches) {
        var pattern = LanePatterns.everyStreamBut("desk", Priority.CRITICAL,
                List.of("orders.approved", "orders.new.fills"), List.of("orders.new.*", "data.trades.**"));
        assertEquals(matches, pattern.matcher(kafkaTopic).matches(), pattern.pattern());
    }

    @Test
    void withNothingExcludedEveryStreamOfTheLaneMatches() {
        var pattern = LanePatterns.everyStreamBut("desk", Priority.LOW, List.of(), List.of());
        assertTrue(pattern.matcher("desk.a.b.c.low").matches());
        assertFalse(pattern.matcher("desk.a.b.c.normal").matches());
    }
}
