package io.tributary.api.market;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentIdTest {

    @Test
    void partsMustBeTopicSegments() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InstrumentId.of("BIN", "BTC.USD")).getMessage()
                .contains("symbol 'BTC.USD' must not contain '.'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InstrumentId.of("BIN*", "BTC")).getMessage()
                .contains("venue 'BIN*' is not a valid topic segment"));
        assertThrows(IllegalArgumentException.class, () -> InstrumentId.of("", "BTC"));
    }

    @Test
    void parsesAndNamesTopics() {
        InstrumentId id = InstrumentId.parse("BINANCE:BTCUSDT");
        assertEquals(id, InstrumentId.parse("BINANCE.BTCUSDT"));
        assertEquals("data.quotes.BINANCE.BTCUSDT", MarketTopics.quotes(id));
        assertEquals("data.trades.BINANCE.BTCUSDT", MarketTopics.trades(id));
        assertEquals("orders.events.BINANCE", MarketTopics.orderEvents("BINANCE"));
        assertThrows(IllegalArgumentException.class, () -> InstrumentId.parse("BTCUSDT"));
    }
}
