package io.tributary.topologies.model;

import java.util.Objects;

/**
 * A new limit order from a strategy; price fixed point ({@code priceMantissa × 10^-scale}).
 */
public record Order(long orderId, String account, String venue, String symbol, Side side, long priceMantissa,
                    long quantity, int scale, long tsInitNanos) {

    public Order {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
    }

    /** Price × quantity in price units (mantissa at {@link #scale()}). */
    public long notionalMantissa() {
        return Math.multiplyExact(priceMantissa, quantity);
    }
}
