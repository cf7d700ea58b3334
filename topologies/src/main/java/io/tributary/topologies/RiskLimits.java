package io.tributary.topologies;

import io.tributary.api.market.Decimal;
import io.tributary.api.market.OrderCommand;
import io.tributary.api.market.OrderType;

import java.util.Objects;
import java.util.Set;

/**
 * Pre-trade limits an order must pass before it reaches a venue.
 *
 * @param maxQuantity largest quantity of one order
 * @param maxNotional largest price × quantity of a limit order
 * @param symbols     tradable symbols
 */
public record RiskLimits(Decimal maxQuantity, Decimal maxNotional, Set<String> symbols) {

    /** The limits of the example desk. */
    public static final RiskLimits DEFAULT = new RiskLimits(Decimal.of(10, 0), Decimal.of(250_000, 0),
            Set.of("BTCUSDT", "ETHUSDT", "SOLUSDT"));

    public RiskLimits {
        Objects.requireNonNull(maxQuantity, "maxQuantity");
        Objects.requireNonNull(maxNotional, "maxNotional");
        symbols = Set.copyOf(symbols);
    }

    public boolean accepts(OrderCommand.Submit order) {
        return reject(order) == null;
    }

    /** Why {@code order} breaks a limit, or null when it passes. */
    public String reject(OrderCommand.Submit order) {
        String symbol = order.instrument().symbol();
        if (!symbols.contains(symbol)) {
            return "symbol " + symbol + " is not tradable";
        }
        Decimal quantity = order.quantity();
        if (!quantity.isPositive() || quantity.compareTo(maxQuantity) > 0) {
            return "quantity " + quantity + " outside (0, " + maxQuantity + "]";
        }
        if (order.type() != OrderType.LIMIT) {
            return null;
        }
        Decimal price = order.price();
        if (price == null || !price.isPositive()) {
            return "price must be positive";
        }
        long notional;
        try {
            notional = Math.multiplyExact(price.mantissa(), quantity.mantissa());
        } catch (ArithmeticException e) {
            return "notional overflows";
        }
        int scale = price.scale() + quantity.scale();
        int above = scale <= Decimal.MAX_SCALE
                ? Decimal.compare(notional, scale, maxNotional.mantissa(), maxNotional.scale())
                : java.math.BigDecimal.valueOf(notional, scale).compareTo(maxNotional.toBigDecimal());
        if (above > 0) {
            return "notional " + price.toBigDecimal().multiply(quantity.toBigDecimal()).toPlainString()
                    + " above " + maxNotional;
        }
        return null;
    }
}
