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
import io.tributary.schemas.CancelOrder;
import io.tributary.schemas.MarketRegimeChange;
import io.tributary.schemas.OrderAccepted;
import io.tributary.schemas.OrderCancelled;
import io.tributary.schemas.OrderFilled;
import io.tributary.schemas.OrderRejected;
import io.tributary.schemas.OrderSide;
import io.tributary.schemas.Price;
import io.tributary.schemas.Quantity;
import io.tributary.schemas.QuoteTick;
import io.tributary.schemas.SubmitOrder;
import io.tributary.schemas.TradeTick;
import org.apache.avro.specific.SpecificRecord;

import java.util.Map;
import java.util.function.Function;

/**
 * The plain records of {@code io.tributary.api.market} ↔ their Avro schema types
 * ({@code schemas/src/main/avro}, see docs/schemas.md), both ways, field by field:
 *
 * <table>
 *   <caption>mapped types</caption>
 *   <tr><th>api.market</th><th>schema</th><th>what the schema adds or differs in</th></tr>
 *   <tr><td>{@link Quote}</td><td>{@link QuoteTick}</td><td>a scale per price and size; back in, bid and
 *       ask are brought to the larger of their two scales (exact, or an error when a long overflows)</td></tr>
 *   <tr><td>{@link Trade}</td><td>{@link TradeTick}</td><td>same; one price and one size</td></tr>
 *   <tr><td>{@link OrderCommand.Submit}</td><td>{@link SubmitOrder}</td><td>{@code commandId}: written as
 *       the {@code clientOrderId}, ignored back in; {@code price} null for market orders both ways</td></tr>
 *   <tr><td>{@link OrderCommand.Cancel}</td><td>{@link CancelOrder}</td><td>{@code commandId} as above;
 *       {@code venueOrderId} nullable both ways</td></tr>
 *   <tr><td>{@link OrderEvent.Accepted}, {@code Rejected}, {@code Filled}, {@code Cancelled}</td>
 *       <td>{@link OrderAccepted}, {@link OrderRejected}, {@link OrderFilled}, {@link OrderCancelled}</td>
 *       <td>{@code tsInit}: written as {@code tsEvent} (the plain events have none), ignored back in</td></tr>
 *   <tr><td>{@link RegimeChange}</td><td>{@link MarketRegimeChange}</td><td>{@code instrument}: venue
 *       {@code ""} (a regime is per symbol), symbol; {@code confidence} {@code NaN} (not known);
 *       {@code tsInit} = {@code tsEvent}</td></tr>
 * </table>
 *
 * <p>Enums map by name. A schema symbol without a plain counterpart ({@code UNKNOWN}, which older
 * readers see for newer symbols, and {@code ILLIQUID}) cannot come back in: {@link #fromAvro} throws an
 * {@link IllegalArgumentException} naming the type, field and symbol, and the transport dead-letters
 * the message rather than guess. Every other value survives a round trip exactly
 * (api → Avro → api gives an equal record).
 *
 * <p>Dispatch is one {@link ClassValue} look-up per message, no reflection; the conversion allocates
 * the target objects only (no builders, which copy and validate against the schema).
 */
public final class MarketAvroMapping implements PayloadMapping {
    /** The one instance; stateless and thread-safe. Also {@link PayloadMapping#MARKET}. */
    public static final MarketAvroMapping INSTANCE = new MarketAvroMapping();

    /** Venue written for a {@link RegimeChange}: regimes are per symbol, not per venue. */
    public static final String ANY_VENUE = "";

    private static final Map<Class<?>, Function<Object, SpecificRecord>> OUT = Map.of(
            Quote.class, p -> toAvro((Quote) p),
            Trade.class, p -> toAvro((Trade) p),
            OrderCommand.Submit.class, p -> toAvro((OrderCommand.Submit) p),
            OrderCommand.Cancel.class, p -> toAvro((OrderCommand.Cancel) p),
            OrderEvent.Accepted.class, p -> toAvro((OrderEvent.Accepted) p),
            OrderEvent.Rejected.class, p -> toAvro((OrderEvent.Rejected) p),
            OrderEvent.Filled.class, p -> toAvro((OrderEvent.Filled) p),
            OrderEvent.Cancelled.class, p -> toAvro((OrderEvent.Cancelled) p),
            RegimeChange.class, p -> toAvro((RegimeChange) p));

    private static final Map<Class<?>, Function<SpecificRecord, Object>> IN = Map.of(
            QuoteTick.class, r -> fromAvro((QuoteTick) r),
            TradeTick.class, r -> fromAvro((TradeTick) r),
            SubmitOrder.class, r -> fromAvro((SubmitOrder) r),
            CancelOrder.class, r -> fromAvro((CancelOrder) r),
            OrderAccepted.class, r -> fromAvro((OrderAccepted) r),
            OrderRejected.class, r -> fromAvro((OrderRejected) r),
            OrderFilled.class, r -> fromAvro((OrderFilled) r),
            OrderCancelled.class, r -> fromAvro((OrderCancelled) r),
            MarketRegimeChange.class, r -> fromAvro((MarketRegimeChange) r));

    /** Per payload class: its converter, the identity for Avro records, null when it cannot be sent. */
    private static final ClassValue<Function<Object, SpecificRecord>> OUT_BY_CLASS = new ClassValue<>() {
        @Override
        protected Function<Object, SpecificRecord> computeValue(Class<?> type) {
            Function<Object, SpecificRecord> f = OUT.get(type);
            if (f == null && SpecificRecord.class.isAssignableFrom(type)) {
                f = p -> (SpecificRecord) p;
            }
            return f;
        }
    };

    private static final ClassValue<Function<SpecificRecord, Object>> IN_BY_CLASS = new ClassValue<>() {
        @Override
        protected Function<SpecificRecord, Object> computeValue(Class<?> type) {
            return IN.getOrDefault(type, r -> r);
        }
    };

    private static final EnumPairs<OrderType, io.tributary.schemas.OrderType> ORDER_TYPES =
            EnumPairs.byName(OrderType.class, io.tributary.schemas.OrderType.class);
    private static final EnumPairs<TimeInForce, io.tributary.schemas.TimeInForce> TIME_IN_FORCE =
            EnumPairs.byName(TimeInForce.class, io.tributary.schemas.TimeInForce.class);
    private static final EnumPairs<Side, OrderSide> SIDES = EnumPairs.byName(Side.class, OrderSide.class);
    private static final EnumPairs<AggressorSide, io.tributary.schemas.AggressorSide> AGGRESSORS =
            EnumPairs.byName(AggressorSide.class, io.tributary.schemas.AggressorSide.class);
    private static final EnumPairs<MarketRegime, io.tributary.schemas.MarketRegime> REGIMES =
            EnumPairs.byName(MarketRegime.class, io.tributary.schemas.MarketRegime.class);

    private MarketAvroMapping() {
    }

    /** Whether {@code type} is an {@code api.market} type this mapping converts. */
    public static boolean maps(Class<?> type) {
        return OUT.containsKey(type);
    }

    @Override
    public SpecificRecord toAvro(Object payload) {
        if (payload == null) {
            return null;
        }
        Function<Object, SpecificRecord> f = OUT_BY_CLASS.get(payload.getClass());
        return f == null ? null : f.apply(payload);
    }

    @Override
    public Object fromAvro(SpecificRecord record) {
        return record == null ? null : IN_BY_CLASS.get(record.getClass()).apply(record);
    }

    @Override
    public String toString() {
        return "market";
    }

    // ---- values

    public static io.tributary.schemas.InstrumentId toAvro(InstrumentId id) {
        return new io.tributary.schemas.InstrumentId(id.venue(), id.symbol());
    }

    public static InstrumentId fromAvro(io.tributary.schemas.InstrumentId id) {
        return new InstrumentId(id.getVenue(), id.getSymbol());
    }

    public static Price price(Decimal d) {
        return d == null ? null : new Price(d.mantissa(), d.scale());
    }

    public static Quantity quantity(Decimal d) {
        return new Quantity(d.mantissa(), d.scale());
    }

    public static Decimal fromAvro(Price p) {
        return p == null ? null : new Decimal(p.getMantissa(), p.getScale());
    }

    public static Decimal fromAvro(Quantity q) {
        return new Decimal(q.getMantissa(), q.getScale());
    }

    // ---- market data

    public static QuoteTick toAvro(Quote q) {
        return new QuoteTick(toAvro(q.instrument()),
                new Price(q.bidPrice(), q.priceScale()), new Price(q.askPrice(), q.priceScale()),
                new Quantity(q.bidSize(), q.sizeScale()), new Quantity(q.askSize(), q.sizeScale()),
                q.tsEvent(), q.tsInit());
    }

    public static Quote fromAvro(QuoteTick q) {
        Price bid = q.getBidPrice();
        Price ask = q.getAskPrice();
        Quantity bidSize = q.getBidSize();
        Quantity askSize = q.getAskSize();
        int priceScale = Math.max(bid.getScale(), ask.getScale());
        int sizeScale = Math.max(bidSize.getScale(), askSize.getScale());
        return new Quote(fromAvro(q.getInstrument()),
                Decimal.rescale(bid.getMantissa(), bid.getScale(), priceScale),
                Decimal.rescale(ask.getMantissa(), ask.getScale(), priceScale),
                Decimal.rescale(bidSize.getMantissa(), bidSize.getScale(), sizeScale),
                Decimal.rescale(askSize.getMantissa(), askSize.getScale(), sizeScale),
                priceScale, sizeScale, q.getTsEvent(), q.getTsInit());
    }

    public static TradeTick toAvro(Trade t) {
        return new TradeTick(toAvro(t.instrument()), new Price(t.price(), t.priceScale()),
                new Quantity(t.size(), t.sizeScale()), AGGRESSORS.toAvro(t.aggressor()), t.tradeId(),
                t.tsEvent(), t.tsInit());
    }

    public static Trade fromAvro(TradeTick t) {
        return new Trade(fromAvro(t.getInstrument()), t.getPrice().getMantissa(), t.getSize().getMantissa(),
                t.getPrice().getScale(), t.getSize().getScale(),
                AGGRESSORS.fromAvro(t.getAggressorSide(), "TradeTick.aggressorSide"), t.getTradeId(),
                t.getTsEvent(), t.getTsInit());
    }

    public static MarketRegimeChange toAvro(RegimeChange r) {
        return new MarketRegimeChange(new io.tributary.schemas.InstrumentId(ANY_VENUE, r.symbol()),
                REGIMES.toAvro(r.from()), REGIMES.toAvro(r.to()), Double.NaN, r.tsEvent(), r.tsEvent());
    }

    public static RegimeChange fromAvro(MarketRegimeChange r) {
        return new RegimeChange(r.getInstrument().getSymbol(),
                REGIMES.fromAvro(r.getFromRegime(), "MarketRegimeChange.fromRegime"),
                REGIMES.fromAvro(r.getToRegime(), "MarketRegimeChange.toRegime"), r.getTsEvent());
    }

    // ---- order commands

    public static SubmitOrder toAvro(OrderCommand.Submit s) {
        return new SubmitOrder(s.clientOrderId(), s.clientOrderId(), s.strategyId(), toAvro(s.instrument()),
                SIDES.toAvro(s.side()), ORDER_TYPES.toAvro(s.type()), quantity(s.quantity()), price(s.price()),
                TIME_IN_FORCE.toAvro(s.timeInForce()), s.tsInit());
    }

    public static OrderCommand.Submit fromAvro(SubmitOrder s) {
        return new OrderCommand.Submit(s.getClientOrderId(), s.getStrategyId(), fromAvro(s.getInstrument()),
                SIDES.fromAvro(s.getSide(), "SubmitOrder.side"),
                ORDER_TYPES.fromAvro(s.getOrderType(), "SubmitOrder.orderType"),
                fromAvro(s.getQuantity()), fromAvro(s.getPrice()),
                TIME_IN_FORCE.fromAvro(s.getTimeInForce(), "SubmitOrder.timeInForce"), s.getTsInit());
    }

    public static CancelOrder toAvro(OrderCommand.Cancel c) {
        return new CancelOrder(c.clientOrderId(), c.clientOrderId(), c.strategyId(), toAvro(c.instrument()),
                c.venueOrderId(), c.tsInit());
    }

    public static OrderCommand.Cancel fromAvro(CancelOrder c) {
        return new OrderCommand.Cancel(c.getClientOrderId(), c.getStrategyId(), fromAvro(c.getInstrument()),
                c.getVenueOrderId(), c.getTsInit());
    }

    // ---- order events

    public static OrderAccepted toAvro(OrderEvent.Accepted e) {
        return new OrderAccepted(e.clientOrderId(), e.venueOrderId(), toAvro(e.instrument()), e.tsEvent(), e.tsEvent());
    }

    public static OrderEvent.Accepted fromAvro(OrderAccepted e) {
        return new OrderEvent.Accepted(e.getClientOrderId(), e.getVenueOrderId(), fromAvro(e.getInstrument()),
                e.getTsEvent());
    }

    public static OrderRejected toAvro(OrderEvent.Rejected e) {
        return new OrderRejected(e.clientOrderId(), toAvro(e.instrument()), e.reason(), e.tsEvent(), e.tsEvent());
    }

    public static OrderEvent.Rejected fromAvro(OrderRejected e) {
        return new OrderEvent.Rejected(e.getClientOrderId(), fromAvro(e.getInstrument()), e.getReason(), e.getTsEvent());
    }

    public static OrderFilled toAvro(OrderEvent.Filled e) {
        return new OrderFilled(e.clientOrderId(), e.venueOrderId(), e.tradeId(), toAvro(e.instrument()),
                SIDES.toAvro(e.side()), price(e.price()), quantity(e.quantity()), e.tsEvent(), e.tsEvent());
    }

    public static OrderEvent.Filled fromAvro(OrderFilled e) {
        return new OrderEvent.Filled(e.getClientOrderId(), e.getVenueOrderId(), e.getTradeId(),
                fromAvro(e.getInstrument()), SIDES.fromAvro(e.getSide(), "OrderFilled.side"),
                fromAvro(e.getFillPrice()), fromAvro(e.getFillQuantity()), e.getTsEvent());
    }

    public static OrderCancelled toAvro(OrderEvent.Cancelled e) {
        return new OrderCancelled(e.clientOrderId(), e.venueOrderId(), toAvro(e.instrument()), e.tsEvent(), e.tsEvent());
    }

    public static OrderEvent.Cancelled fromAvro(OrderCancelled e) {
        return new OrderEvent.Cancelled(e.getClientOrderId(), e.getVenueOrderId(), fromAvro(e.getInstrument()),
                e.getTsEvent());
    }
}
