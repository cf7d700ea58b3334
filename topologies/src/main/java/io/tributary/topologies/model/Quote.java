package io.tributary.topologies.model;

import java.util.Objects;

/**
 * Top of book at one venue. Prices are fixed point: {@code value = mantissa × 10^-scale} (the same
 * convention as the Avro schemas, which carry these fields across processes).
 *
 * @param tsEventNanos when the venue says it happened, nanoseconds since the epoch
 */
public record Quote(String venue, String symbol, long bidMantissa, long askMantissa, long bidSize, long askSize,
                    int scale, long tsEventNanos) {

    public Quote {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
    }

    /** A usable quote: both sides present and not crossed. */
    public boolean isTradable() {
        return bidSize > 0 && askSize > 0 && bidMantissa > 0 && bidMantissa < askMantissa;
    }

    public long spreadMantissa() {
        return askMantissa - bidMantissa;
    }
}
