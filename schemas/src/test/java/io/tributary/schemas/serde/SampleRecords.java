package io.tributary.schemas.serde;

import java.util.List;

import io.tributary.schemas.AggressorSide;
import io.tributary.schemas.Alert;
import io.tributary.schemas.AlertSeverity;
import io.tributary.schemas.AlertState;
import io.tributary.schemas.ArbitrageOpportunity;
import io.tributary.schemas.Bar;
import io.tributary.schemas.BarAggregation;
import io.tributary.schemas.BarSpec;
import io.tributary.schemas.BookAction;
import io.tributary.schemas.BookSide;
import io.tributary.schemas.CancelOrder;
import io.tributary.schemas.InstrumentId;
import io.tributary.schemas.MarketRegime;
import io.tributary.schemas.MarketRegimeChange;
import io.tributary.schemas.ModifyOrder;
import io.tributary.schemas.OrderAccepted;
import io.tributary.schemas.OrderBookDelta;
import io.tributary.schemas.OrderBookDeltas;
import io.tributary.schemas.OrderCancelled;
import io.tributary.schemas.OrderFilled;
import io.tributary.schemas.OrderRejected;
import io.tributary.schemas.OrderSide;
import io.tributary.schemas.OrderType;
import io.tributary.schemas.Price;
import io.tributary.schemas.Quantity;
import io.tributary.schemas.QuoteTick;
import io.tributary.schemas.SubmitOrder;
import io.tributary.schemas.TimeInForce;
import io.tributary.schemas.TradeTick;
import org.apache.avro.specific.SpecificRecord;

/** One filled-in instance of every message type, with values that exercise the encoding. */
final class SampleRecords {

    private SampleRecords() {
    }

    static InstrumentId instrument() {
        return new InstrumentId("BINANCE", "BTCUSDT");
    }

    static Price price(long mantissa, int scale) {
        return new Price(mantissa, scale);
    }

    static Quantity qty(long mantissa, int scale) {
        return new Quantity(mantissa, scale);
    }

    static QuoteTick quote() {
        return QuoteTick.newBuilder()
                .setInstrument(instrument())
                .setBidPrice(price(6_512_345L, 2)).setAskPrice(price(6_512_346L, 2))
                .setBidSize(qty(1_500_000L, 6)).setAskSize(qty(250_000L, 6))
                .setTsEvent(1_767_225_600_000_000_123L).setTsInit(1_767_225_600_000_050_456L)
                .build();
    }

    static List<SpecificRecord> all() {
        long ts = 1_767_225_600_123_456_789L;
        return List.of(
                instrument(),
                price(-12_345L, 3),
                qty(Long.MAX_VALUE, 18),
                quote(),
                TradeTick.newBuilder().setInstrument(new InstrumentId("COINBASE", "BTC-USD"))
                        .setPrice(price(6_512_300L, 2)).setSize(qty(42L, 4))
                        .setAggressorSide(AggressorSide.SELLER).setTradeId("t-ü-😀-1")
                        .setTsEvent(ts).setTsInit(ts + 1).build(),
                OrderBookDeltas.newBuilder().setInstrument(instrument())
                        .setDeltas(List.of(
                                new OrderBookDelta(BookAction.ADD, BookSide.BID, price(100L, 0), qty(5L, 0), 0L),
                                new OrderBookDelta(BookAction.DELETE, BookSide.ASK, price(101L, 0), qty(0L, 0), 77L),
                                new OrderBookDelta(BookAction.CLEAR, BookSide.BID, price(0L, 0), qty(0L, 0), 0L)))
                        .setSequence(9_001L).setTsEvent(ts).setTsInit(ts).build(),
                Bar.newBuilder().setInstrument(instrument())
                        .setSpec(new BarSpec(5, BarAggregation.MINUTE))
                        .setOpen(price(100L, 1)).setHigh(price(120L, 1)).setLow(price(90L, 1)).setClose(price(110L, 1))
                        .setVolume(qty(12_345L, 2)).setTsEvent(ts).setTsInit(ts).build(),
                SubmitOrder.newBuilder().setCommandId("cmd-1").setClientOrderId("O-1").setStrategyId("arb")
                        .setInstrument(instrument()).setSide(OrderSide.BUY).setOrderType(OrderType.LIMIT)
                        .setQuantity(qty(1L, 0)).setPrice(price(6_512_000L, 2)).setTimeInForce(TimeInForce.IOC)
                        .setTsInit(ts).build(),
                CancelOrder.newBuilder().setCommandId("cmd-2").setClientOrderId("O-1").setStrategyId("arb")
                        .setInstrument(instrument()).setVenueOrderId(null).setTsInit(ts).build(),
                ModifyOrder.newBuilder().setCommandId("cmd-3").setClientOrderId("O-1").setStrategyId("arb")
                        .setInstrument(instrument()).setVenueOrderId("V-9").setQuantity(qty(2L, 0)).setPrice(null)
                        .setTsInit(ts).build(),
                OrderAccepted.newBuilder().setClientOrderId("O-1").setVenueOrderId("V-9").setInstrument(instrument())
                        .setTsEvent(ts).setTsInit(ts).build(),
                OrderRejected.newBuilder().setClientOrderId("O-2").setInstrument(instrument())
                        .setReason("insufficient margin").setTsEvent(ts).setTsInit(ts).build(),
                OrderFilled.newBuilder().setClientOrderId("O-1").setVenueOrderId("V-9").setTradeId("T-5")
                        .setInstrument(instrument()).setSide(OrderSide.SELL)
                        .setFillPrice(price(6_512_000L, 2)).setFillQuantity(qty(5L, 1))
                        .setTsEvent(ts).setTsInit(ts).build(),
                OrderCancelled.newBuilder().setClientOrderId("O-1").setVenueOrderId("V-9").setInstrument(instrument())
                        .setTsEvent(ts).setTsInit(ts).build(),
                ArbitrageOpportunity.newBuilder().setSymbol("BTCUSDT").setBuyVenue("KRAKEN").setSellVenue("BINANCE")
                        .setBuyPrice(price(6_510_000L, 2)).setSellPrice(price(6_512_500L, 2)).setSpread(price(2_500L, 2))
                        .setSize(qty(3L, 1)).setTsEvent(ts).setTsInit(ts).build(),
                MarketRegimeChange.newBuilder().setInstrument(instrument())
                        .setFromRegime(MarketRegime.QUIET).setToRegime(MarketRegime.VOLATILE).setConfidence(0.87)
                        .setTsEvent(ts).setTsInit(ts).build(),
                Alert.newBuilder().setAlertId("a-1").setSeverity(AlertSeverity.CRITICAL).setState(AlertState.RAISED)
                        .setRule("lane-wait").setMetric("lane.CRITICAL.wait.p99").setValue(7.5).setThreshold(5.0)
                        .setMessage("p99 wait 7.5 ms > 5 ms").setTsEvent(ts).build());
    }
}
