package io.tributary.topologies.model;

import java.util.Objects;

/**
 * One execution printed by a venue; price fixed point ({@code priceMantissa × 10^-scale}).
 *
 * @param tsEventNanos when the venue says it happened, nanoseconds since the epoch
 */
public record Trade(String venue, String symbol, long priceMantissa, long quantity, int scale, Side aggressor,
                    long tsEventNanos) {

    public Trade {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(aggressor, "aggressor");
    }
}
