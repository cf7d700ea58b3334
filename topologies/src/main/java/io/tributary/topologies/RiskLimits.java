package io.tributary.topologies;

import io.tributary.topologies.model.Order;

import java.util.Set;

/**
 * Pre-trade limits an order must pass before it reaches a venue.
 *
 * @param maxQuantity        largest quantity of one order
 * @param maxNotionalMantissa largest price × quantity (in price mantissa units)
 * @param symbols            tradable symbols
 */
public record RiskLimits(long maxQuantity, long maxNotionalMantissa, Set<String> symbols) {

    /** The limits of the example desk. */
    public static final RiskLimits DEFAULT = new RiskLimits(1_000, 5_000_000_000L,
            Set.of("BTCUSDT", "ETHUSDT", "SOLUSDT"));

    public RiskLimits {
        symbols = Set.copyOf(symbols);
    }

    public boolean accepts(Order order) {
        return reject(order) == null;
    }

    /** Why {@code order} breaks a limit, or null when it passes. */
    public String reject(Order order) {
        if (!symbols.contains(order.symbol())) {
            return "symbol " + order.symbol() + " is not tradable";
        }
        if (order.quantity() <= 0 || order.quantity() > maxQuantity) {
            return "quantity " + order.quantity() + " outside (0, " + maxQuantity + "]";
        }
        if (order.priceMantissa() <= 0) {
            return "price must be positive";
        }
        long notional;
        try {
            notional = order.notionalMantissa();
        } catch (ArithmeticException e) {
            return "notional overflows";
        }
        return notional > maxNotionalMantissa ? "notional " + notional + " above " + maxNotionalMantissa : null;
    }
}
