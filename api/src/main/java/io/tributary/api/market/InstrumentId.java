package io.tributary.api.market;

import io.tributary.api.InvalidPatternException;
import io.tributary.api.Topic;

import java.util.Objects;

/**
 * An instrument at one venue, e.g. {@code BINANCE / BTCUSDT}. Both parts become topic segments
 * ({@code data.quotes.BINANCE.BTCUSDT}), so they are checked like topic segments: no dots, no
 * wildcards, no whitespace.
 *
 * @param venue  venue code, e.g. {@code BINANCE}
 * @param symbol the venue's symbol, e.g. {@code BTCUSDT}
 */
public record InstrumentId(String venue, String symbol) {

    public InstrumentId {
        checkSegment("venue", venue);
        checkSegment("symbol", symbol);
    }

    public static InstrumentId of(String venue, String symbol) {
        return new InstrumentId(venue, symbol);
    }

    /**
     * Parses {@code VENUE:SYMBOL} or {@code VENUE.SYMBOL} (split at the first separator).
     *
     * @throws IllegalArgumentException naming the input when it has no separator
     */
    public static InstrumentId parse(String text) {
        Objects.requireNonNull(text, "text");
        int sep = text.indexOf(':');
        if (sep < 0) {
            sep = text.indexOf('.');
        }
        if (sep <= 0 || sep == text.length() - 1) {
            throw new IllegalArgumentException("instrument '" + text + "' is not VENUE:SYMBOL or VENUE.SYMBOL");
        }
        return new InstrumentId(text.substring(0, sep), text.substring(sep + 1));
    }

    private static void checkSegment(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException("instrument " + what + " must not be null");
        }
        if (value.indexOf('.') >= 0) {
            throw new IllegalArgumentException("instrument " + what + " '" + value
                    + "' must not contain '.': it is one topic segment");
        }
        try {
            Topic.validate(value);
        } catch (InvalidPatternException e) {
            throw new IllegalArgumentException("instrument " + what + " '" + value + "' is not a valid topic segment: "
                    + e.reason() + " at position " + e.position(), e);
        }
    }

    /** {@code VENUE:SYMBOL}. */
    @Override
    public String toString() {
        return venue + ":" + symbol;
    }
}
