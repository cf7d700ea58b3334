package io.tributary.runtime.transport.avro;

import io.tributary.api.market.AggressorSide;
import io.tributary.api.market.Decimal;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.MarketRegime;
import io.tributary.api.market.OrderCommand;
import io.tributary.api.market.OrderEvent;
import io.tributary.api.market.OrderType;
import io.tributary.api.market.Quote;
import io.tributary.api.market.RegimeChange;
import io.tributary.api.market.Side;
import io.tributary.api.market.TimeInForce;
import io.tributary.api.market.Trade;
import io.tributary.schemas.MarketRegimeChange;
import io.tributary.schemas.Price;
import io.tributary.schemas.Quantity;
import io.tributary.schemas.QuoteTick;
import io.tributary.schemas.SubmitOrder;
import io.tributary.schemas.serde.TributarySerde;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketAvroMappingTest {
    private static final InstrumentId BTC = InstrumentId.of("BINANCE", "BTCUSDT");
    private static final PayloadMapping MAPPING = PayloadMapping.MARKET;

    /** One value of every mapped type, with every optional field both null and set. */
    static Stream<Object> everyMappedValue() {
        return Stream.of(
                new Quote(BTC, 6_512_345, 6_512_400, 150_000_000, 7, 2, 8, 1_700_000_000_123_456_789L, 1_700_000_000_123_999_000L),
                new Quote(BTC, -1, Long.MAX_VALUE, 0, Long.MIN_VALUE, 0, 18, 0, -5),
                new Trade(BTC, 6_512_345, 25, 2, 3, AggressorSide.BUYER, "t-1", 11, 12),
                new Trade(BTC, 1, 1, 0, 0, AggressorSide.NO_AGGRESSOR, "", 0, 0),
                new Trade(BTC, 1, 1, 0, 0, AggressorSide.SELLER, "t-3", 0, 0),
                new OrderCommand.Submit("c-1", "taker", BTC, Side.BUY, OrderType.LIMIT, Decimal.of(15, 1),
                        Decimal.of(6_512_345, 2), TimeInForce.GTC, 42),
                new OrderCommand.Submit("c-2", "taker", BTC, Side.SELL, OrderType.MARKET, Decimal.of(3, 0),
                        null, TimeInForce.IOC, 43),
                new OrderCommand.Submit("c-3", "s", BTC, Side.SELL, OrderType.LIMIT, Decimal.of(3, 0),
                        Decimal.of(1, 18), TimeInForce.FOK, 0),
                new OrderCommand.Submit("c-4", "s", BTC, Side.BUY, OrderType.LIMIT, Decimal.of(3, 0),
                        Decimal.of(1, 0), TimeInForce.DAY, 0),
                new OrderCommand.Cancel("c-1", "taker", BTC, "v-9", 44),
                new OrderCommand.Cancel("c-1", "taker", BTC, null, 45),
                new OrderEvent.Accepted("c-1", "v-9", BTC, 46),
                new OrderEvent.Rejected("c-1", BTC, "over the notional limit", 47),
                new OrderEvent.Filled("c-1", "v-9", "t-7", BTC, Side.SELL, Decimal.of(6_512_345, 2), Decimal.of(5, 1), 48),
                new OrderEvent.Cancelled("c-1", "v-9", BTC, 49),
                new OrderEvent.Cancelled("c-1", null, BTC, 50),
                new RegimeChange("BTCUSDT", MarketRegime.QUIET, MarketRegime.VOLATILE, 51),
                new RegimeChange("ETHUSDT", MarketRegime.TRENDING, MarketRegime.MEAN_REVERTING, 52));
    }

    @ParameterizedTest
    @MethodSource("everyMappedValue")
    void roundTripsThroughAvroExactly(Object value) {
        SpecificRecord avro = MAPPING.toAvro(value);
        assertTrue(MarketAvroMapping.maps(value.getClass()));
        assertEquals(value, MAPPING.fromAvro(avro));
    }

    @ParameterizedTest
    @MethodSource("everyMappedValue")
    void roundTripsThroughTheWireBytes(Object value) {
        TributarySerde serde = TributarySerde.get();
        byte[] bytes = serde.encode(MAPPING.toAvro(value));
        assertEquals(value, MAPPING.fromAvro(serde.decode(bytes)));
    }

    @Test
    void everyMappedTypeIsCovered() {
        List<Class<?>> covered = everyMappedValue().<Class<?>>map(Object::getClass).distinct().toList();
        for (Class<?> type : List.of(Quote.class, Trade.class, OrderCommand.Submit.class, OrderCommand.Cancel.class,
                OrderEvent.Accepted.class, OrderEvent.Rejected.class, OrderEvent.Filled.class,
                OrderEvent.Cancelled.class, RegimeChange.class)) {
            assertTrue(covered.contains(type), type + " has no round-trip case");
            assertTrue(MarketAvroMapping.maps(type), type + " is not mapped");
        }
    }

    @Test
    void fieldsLandWhereTheSchemaSaysThey() {
        QuoteTick q = (QuoteTick) MAPPING.toAvro(new Quote(BTC, 100, 101, 5, 6, 2, 1, 7, 8));
        assertEquals(new io.tributary.schemas.InstrumentId("BINANCE", "BTCUSDT"), q.getInstrument());
        assertEquals(new Price(100L, 2), q.getBidPrice());
        assertEquals(new Price(101L, 2), q.getAskPrice());
        assertEquals(new Quantity(5L, 1), q.getBidSize());
        assertEquals(new Quantity(6L, 1), q.getAskSize());
        assertEquals(7L, q.getTsEvent());
        assertEquals(8L, q.getTsInit());
        OrderCommand.Submit order = OrderCommand.Submit.market("c-9", BTC, Side.BUY, Decimal.of(1, 0));
        SubmitOrder market = (SubmitOrder) MAPPING.toAvro(order);
        assertNull(market.getPrice());
        assertEquals("c-9", market.getCommandId(), "the plain command has no id of its own: the client order id");
        assertEquals(io.tributary.schemas.OrderType.MARKET, market.getOrderType());
    }

    @Test
    void aQuoteWithDifferentScalesPerSideComesInAtTheLargerScale() {
        QuoteTick q = new QuoteTick(new io.tributary.schemas.InstrumentId("X", "Y"), new Price(65_123L, 0),
                new Price(6_512_345L, 2), new Quantity(1L, 3), new Quantity(2L, 1), 1L, 2L);
        Quote plain = (Quote) MAPPING.fromAvro(q);
        assertEquals(new Quote(InstrumentId.of("X", "Y"), 6_512_300, 6_512_345, 1, 200, 2, 3, 1, 2), plain);
        assertEquals(0, plain.bid().compareTo(Decimal.parse("65123")));
    }

    @Test
    void aSchemaSymbolWithoutPlainCounterpartIsAnErrorNamingTheField() {
        SubmitOrder s = (SubmitOrder) MAPPING.toAvro(OrderCommand.Submit.market("c-1", BTC, Side.BUY, Decimal.of(1, 0)));
        s.setOrderType(io.tributary.schemas.OrderType.UNKNOWN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MAPPING.fromAvro(s));
        assertTrue(e.getMessage().contains("SubmitOrder.orderType = UNKNOWN"), e.getMessage());

        MarketRegimeChange r = (MarketRegimeChange) MAPPING.toAvro(new RegimeChange("BTCUSDT", MarketRegime.QUIET, MarketRegime.QUIET, 1));
        r.setToRegime(io.tributary.schemas.MarketRegime.ILLIQUID);
        e = assertThrows(IllegalArgumentException.class, () -> MAPPING.fromAvro(r));
        assertTrue(e.getMessage().contains("MarketRegimeChange.toRegime = ILLIQUID"), e.getMessage());
    }

    @Test
    void avroRecordsPassBothWaysAndOtherPayloadsCannotBeSent() {
        QuoteTick avro = (QuoteTick) MAPPING.toAvro(new Quote(BTC, 1, 2, 3, 4, 0, 0, 5, 6));
        assertSame(avro, PayloadMapping.AVRO.toAvro(avro));
        assertSame(avro, PayloadMapping.AVRO.fromAvro(avro));
        assertSame(avro, MAPPING.toAvro(avro));
        io.tributary.schemas.Alert alert = new io.tributary.schemas.Alert();
        assertSame(alert, MAPPING.fromAvro(alert), "an unmapped schema type comes in as it is");
        assertNull(MAPPING.toAvro("a string"));
        assertNull(MAPPING.toAvro(null));
        assertNull(PayloadMapping.AVRO.toAvro(new Quote(BTC, 1, 2, 3, 4, 0, 0, 5, 6)));
    }
}
