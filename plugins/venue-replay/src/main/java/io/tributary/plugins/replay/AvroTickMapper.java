package io.tributary.plugins.replay;

import io.tributary.api.EpochClock;
import io.tributary.api.market.AggressorSide;
import io.tributary.api.market.Decimal;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.Quote;
import io.tributary.api.market.Trade;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;

/**
 * Maps a record read generically from an Avro container file to a {@link Quote} or {@link Trade},
 * by record name ({@code QuoteTick}, {@code TradeTick}, any namespace) and field names, so any
 * writer schema with those fields works and the plugin needs no generated classes. The file's
 * {@code tsInit} is not read: like a CSV row, a replayed event gets the clock's time.
 */
final class AvroTickMapper {

    static final String QUOTE_TICK = "QuoteTick";
    static final String TRADE_TICK = "TradeTick";

    private final EpochClock clock;

    AvroTickMapper(EpochClock clock) {
        this.clock = clock;
    }

    /** True when a file with this writer schema can hold ticks: a tick record, or a union with one. */
    static boolean holdsTicks(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            return schema.getTypes().stream().anyMatch(AvroTickMapper::isTick);
        }
        return isTick(schema);
    }

    private static boolean isTick(Schema schema) {
        return schema.getType() == Schema.Type.RECORD
                && (schema.getName().equals(QUOTE_TICK) || schema.getName().equals(TRADE_TICK));
    }

    /**
     * @param fallbackTradeId used when a trade has a null or empty {@code tradeId}
     * @return a {@link Quote} or a {@link Trade}
     */
    Object map(Object datum, String fallbackTradeId) throws BadRowException {
        if (!(datum instanceof GenericRecord record)) {
            throw new BadRowException("expected a QuoteTick or TradeTick record, got " + describe(datum));
        }
        String name = record.getSchema().getName();
        if (name.equals(QUOTE_TICK)) {
            return quote(record);
        }
        if (name.equals(TRADE_TICK)) {
            return trade(record, fallbackTradeId);
        }
        throw new BadRowException("record type " + record.getSchema().getFullName() + " is neither QuoteTick nor TradeTick");
    }

    private Quote quote(GenericRecord r) throws BadRowException {
        InstrumentId instrument = instrument(r);
        GenericRecord bid = record(r, "bidPrice");
        GenericRecord ask = record(r, "askPrice");
        GenericRecord bidSize = record(r, "bidSize");
        GenericRecord askSize = record(r, "askSize");
        long bidM = mantissa(bid, "bidPrice");
        long askM = mantissa(ask, "askPrice");
        long bidSizeM = size(bidSize, "bidSize");
        long askSizeM = size(askSize, "askSize");
        int bidS = scale(bid, "bidPrice");
        int askS = scale(ask, "askPrice");
        int bidSizeS = scale(bidSize, "bidSize");
        int askSizeS = scale(askSize, "askSize");
        long ts = longValue(r, "tsEvent");
        int priceScale = Math.max(bidS, askS);
        int sizeScale = Math.max(bidSizeS, askSizeS);
        return new Quote(instrument, rescale("bidPrice", bidM, bidS, priceScale), rescale("askPrice", askM, askS, priceScale),
                rescale("bidSize", bidSizeM, bidSizeS, sizeScale), rescale("askSize", askSizeM, askSizeS, sizeScale),
                priceScale, sizeScale, ts, clock.nowNanos());
    }

    private Trade trade(GenericRecord r, String fallbackTradeId) throws BadRowException {
        InstrumentId instrument = instrument(r);
        GenericRecord price = record(r, "price");
        GenericRecord size = record(r, "size");
        long priceM = mantissa(price, "price");
        long sizeM = size(size, "size");
        int priceS = scale(price, "price");
        int sizeS = scale(size, "size");
        AggressorSide aggressor = aggressor(value(r, "aggressorSide", "aggressorSide"));
        Object id = optional(r, "tradeId");
        if (id != null && !(id instanceof CharSequence)) {
            throw wrongType("tradeId", "a string", id);
        }
        String tradeId = id == null || ((CharSequence) id).length() == 0 ? fallbackTradeId : id.toString();
        long ts = longValue(r, "tsEvent");
        return new Trade(instrument, priceM, sizeM, priceS, sizeS, aggressor, tradeId, ts, clock.nowNanos());
    }

    private static InstrumentId instrument(GenericRecord r) throws BadRowException {
        GenericRecord instrument = record(r, "instrument");
        String venue = string(instrument, "venue", "instrument.venue");
        String symbol = string(instrument, "symbol", "instrument.symbol");
        try {
            return new InstrumentId(venue, symbol);
        } catch (IllegalArgumentException e) {
            throw new BadRowException(e.getMessage());
        }
    }

    private static long mantissa(GenericRecord decimal, String field) throws BadRowException {
        return longValue(decimal, "mantissa", field + ".mantissa");
    }

    private static long size(GenericRecord quantity, String field) throws BadRowException {
        long mantissa = mantissa(quantity, field);
        if (mantissa < 0) {
            throw new BadRowException("field " + field + ".mantissa: " + mantissa + " is negative (a quantity is not)");
        }
        return mantissa;
    }

    private static int scale(GenericRecord decimal, String field) throws BadRowException {
        String path = field + ".scale";
        Object v = value(decimal, "scale", path);
        if (!(v instanceof Integer scale)) {
            throw wrongType(path, "an int", v);
        }
        if (scale < 0 || scale > Decimal.MAX_SCALE) {
            throw new BadRowException("field " + path + ": " + scale + " is outside 0.." + Decimal.MAX_SCALE);
        }
        return scale;
    }

    private static long rescale(String field, long mantissa, int from, int to) throws BadRowException {
        try {
            return Decimal.rescale(mantissa, from, to);
        } catch (ArithmeticException e) {
            throw new BadRowException("field " + field + ": " + Decimal.of(mantissa, from) + " does not fit at " + to
                    + " decimal places");
        }
    }

    private static AggressorSide aggressor(Object v) throws BadRowException {
        if (!(v instanceof GenericEnumSymbol<?>) && !(v instanceof CharSequence)) {
            throw wrongType("aggressorSide", "an enum AggressorSide", v);
        }
        String symbol = v.toString();
        switch (symbol) {
            case "BUYER":
                return AggressorSide.BUYER;
            case "SELLER":
                return AggressorSide.SELLER;
            case "NO_AGGRESSOR":
                return AggressorSide.NO_AGGRESSOR;
            default:
                throw new BadRowException("field aggressorSide: '" + symbol + "' is not BUYER, SELLER or NO_AGGRESSOR");
        }
    }

    private static GenericRecord record(GenericRecord r, String name) throws BadRowException {
        Object v = value(r, name, name);
        if (!(v instanceof GenericRecord nested)) {
            throw wrongType(name, "a record", v);
        }
        return nested;
    }

    private static String string(GenericRecord r, String name, String path) throws BadRowException {
        Object v = value(r, name, path);
        if (!(v instanceof CharSequence text)) {
            throw wrongType(path, "a string", v);
        }
        return text.toString();
    }

    private static long longValue(GenericRecord r, String name) throws BadRowException {
        return longValue(r, name, name);
    }

    private static long longValue(GenericRecord r, String name, String path) throws BadRowException {
        Object v = value(r, name, path);
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer i) {
            return i;
        }
        throw wrongType(path, "a long", v);
    }

    /** The field's value; a missing field or a null value (a nullable writer schema) is a bad record. */
    private static Object value(GenericRecord r, String name, String path) throws BadRowException {
        Schema.Field field = r.getSchema().getField(name);
        if (field == null) {
            throw new BadRowException("missing field " + path + " in " + r.getSchema().getFullName());
        }
        Object v = r.get(field.pos());
        if (v == null) {
            throw new BadRowException("field " + path + " is null");
        }
        return v;
    }

    private static Object optional(GenericRecord r, String name) throws BadRowException {
        Schema.Field field = r.getSchema().getField(name);
        if (field == null) {
            throw new BadRowException("missing field " + name + " in " + r.getSchema().getFullName());
        }
        return r.get(field.pos());
    }

    private static BadRowException wrongType(String path, String expected, Object actual) {
        return new BadRowException("field " + path + ": expected " + expected + ", got " + describe(actual));
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof GenericRecord r) {
            return "a record " + r.getSchema().getFullName();
        }
        if (v instanceof CharSequence s) {
            return "a string '" + s + "'";
        }
        if (v instanceof GenericEnumSymbol<?> e) {
            return "an enum " + e.getSchema().getFullName() + " " + e;
        }
        return "a " + v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + v;
    }
}
