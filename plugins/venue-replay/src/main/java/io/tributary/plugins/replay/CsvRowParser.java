package io.tributary.plugins.replay;

import io.tributary.api.EpochClock;
import io.tributary.api.market.AggressorSide;
import io.tributary.api.market.Decimal;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.Quote;
import io.tributary.api.market.Trade;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses one row of the replay CSV format (documented in docs/plugins.md):
 * <pre>
 * Q,ts_event,venue,symbol,bid,ask,bid_size,ask_size
 * T,ts_event,venue,symbol,price,size,aggressor[,trade_id]
 * </pre>
 * {@code ts_event} is ns since the Unix epoch or an ISO-8601 instant; prices and sizes are plain
 * decimals, kept exact; the aggressor is B/BUYER, S/SELLER or N/NO_AGGRESSOR (or empty).
 */
final class CsvRowParser {

    private final EpochClock clock;

    CsvRowParser(EpochClock clock) {
        this.clock = clock;
    }

    /** True for the optional header row. */
    static boolean isHeader(String line) {
        return line.regionMatches(true, 0, "type,", 0, 5);
    }

    /**
     * @param fallbackTradeId used when a trade row has no id (e.g. {@code file:line})
     * @return a {@link Quote} or a {@link Trade}
     */
    Object parse(String line, String fallbackTradeId) throws BadRowException {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].strip();
        }
        String type = f[0].toUpperCase(Locale.ROOT);
        if (type.equals("Q")) {
            expectFields(f, 8, 8, "a quote (Q,ts_event,venue,symbol,bid,ask,bid_size,ask_size)");
            return quote(f);
        }
        if (type.equals("T")) {
            expectFields(f, 7, 8, "a trade (T,ts_event,venue,symbol,price,size,aggressor[,trade_id])");
            return trade(f, fallbackTradeId);
        }
        throw new BadRowException("unknown row type '" + f[0] + "' (expected Q or T)");
    }

    private Quote quote(String[] f) throws BadRowException {
        long ts = timestamp(f[1]);
        InstrumentId instrument = instrument(f[2], f[3]);
        long bid = mantissa("bid", f[4]);
        long ask = mantissa("ask", f[5]);
        long bidSize = mantissa("bid_size", f[6]);
        long askSize = mantissa("ask_size", f[7]);
        int priceScale = Math.max(Decimal.parsedScale(f[4]), Decimal.parsedScale(f[5]));
        int sizeScale = Math.max(Decimal.parsedScale(f[6]), Decimal.parsedScale(f[7]));
        return new Quote(instrument, rescale("bid", bid, f[4], priceScale), rescale("ask", ask, f[5], priceScale),
                rescale("bid_size", bidSize, f[6], sizeScale), rescale("ask_size", askSize, f[7], sizeScale),
                priceScale, sizeScale, ts, clock.nowNanos());
    }

    private Trade trade(String[] f, String fallbackTradeId) throws BadRowException {
        long ts = timestamp(f[1]);
        InstrumentId instrument = instrument(f[2], f[3]);
        long price = mantissa("price", f[4]);
        long size = mantissa("size", f[5]);
        String tradeId = f.length > 7 && !f[7].isEmpty() ? f[7] : fallbackTradeId;
        return new Trade(instrument, price, size, Decimal.parsedScale(f[4]), Decimal.parsedScale(f[5]),
                aggressor(f[6]), tradeId, ts, clock.nowNanos());
    }

    private static void expectFields(String[] f, int min, int max, String what) throws BadRowException {
        if (f.length < min || f.length > max) {
            throw new BadRowException("expected " + (min == max ? String.valueOf(min) : min + " or " + max)
                    + " fields for " + what + ", got " + f.length);
        }
    }

    private static long timestamp(String text) throws BadRowException {
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new BadRowException("field ts_event: '" + text + "' is too large");
            }
        }
        try {
            Instant instant = Instant.parse(text);
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new BadRowException("field ts_event: '" + text + "' is neither ns since the epoch nor an ISO-8601 instant");
        }
    }

    private static InstrumentId instrument(String venue, String symbol) throws BadRowException {
        try {
            return new InstrumentId(venue, symbol);
        } catch (IllegalArgumentException e) {
            throw new BadRowException(e.getMessage());
        }
    }

    private static long mantissa(String field, String text) throws BadRowException {
        try {
            return Decimal.parseMantissa(text);
        } catch (NumberFormatException e) {
            throw new BadRowException("field " + field + ": " + e.getMessage());
        }
    }

    private static long rescale(String field, long mantissa, String text, int scale) throws BadRowException {
        try {
            return Decimal.rescale(mantissa, Decimal.parsedScale(text), scale);
        } catch (ArithmeticException e) {
            throw new BadRowException("field " + field + ": '" + text + "' does not fit at " + scale + " decimal places");
        }
    }

    private static AggressorSide aggressor(String text) throws BadRowException {
        switch (text.toUpperCase(Locale.ROOT)) {
            case "B": case "BUY": case "BUYER":
                return AggressorSide.BUYER;
            case "S": case "SELL": case "SELLER":
                return AggressorSide.SELLER;
            case "": case "N": case "NONE": case "NO_AGGRESSOR":
                return AggressorSide.NO_AGGRESSOR;
            default:
                throw new BadRowException("field aggressor: '" + text + "' is not B, S or N");
        }
    }
}
