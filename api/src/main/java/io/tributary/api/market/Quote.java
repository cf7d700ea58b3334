package io.tributary.api.market;

import java.util.Objects;

/**
 * Top of book of one instrument: best bid and ask with their sizes.
 *
 * <p>Prices and sizes are exact decimals stored flat (mantissa fields plus one scale for prices
 * and one for sizes) so that a quote is a single allocation on the hot path; {@link #bid()} and
 * friends build {@link Decimal}s on demand. Crossed or locked quotes are allowed: recorded data has
 * them, and it is the consumer's call what to do with them.
 *
 * @param instrument  the instrument
 * @param bidPrice    best bid price mantissa at {@code priceScale}
 * @param askPrice    best ask price mantissa at {@code priceScale}
 * @param bidSize     size at the best bid, mantissa at {@code sizeScale}
 * @param askSize     size at the best ask, mantissa at {@code sizeScale}
 * @param priceScale  decimal places of both prices, 0..18
 * @param sizeScale   decimal places of both sizes, 0..18
 * @param tsEvent     when the venue says it happened, ns since the Unix epoch
 * @param tsInit      when Tributary created this object, ns since the Unix epoch
 */
public record Quote(InstrumentId instrument, long bidPrice, long askPrice, long bidSize, long askSize,
                    int priceScale, int sizeScale, long tsEvent, long tsInit) {

    public Quote {
        Objects.requireNonNull(instrument, "instrument");
        checkScale("priceScale", priceScale);
        checkScale("sizeScale", sizeScale);
    }

    public Decimal bid() {
        return new Decimal(bidPrice, priceScale);
    }

    public Decimal ask() {
        return new Decimal(askPrice, priceScale);
    }

    public Decimal bidQuantity() {
        return new Decimal(bidSize, sizeScale);
    }

    public Decimal askQuantity() {
        return new Decimal(askSize, sizeScale);
    }

    /** Ask minus bid as a mantissa at {@code priceScale}; negative when the quote is crossed. */
    public long spread() {
        return askPrice - bidPrice;
    }

    static void checkScale(String name, int scale) {
        if (scale < 0 || scale > Decimal.MAX_SCALE) {
            throw new IllegalArgumentException(name + " " + scale + " is outside 0.." + Decimal.MAX_SCALE);
        }
    }
}
