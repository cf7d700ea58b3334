package io.tributary.runtime.transport.kafka;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
