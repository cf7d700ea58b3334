package io.tributary.api.dsl;

/**
 * Creates a desk's own market-data payloads, so that a generic feed that cannot know the desk's
 * classes at compile time (the runtime's built-in synthetic source) publishes objects the desk's
 * topologies understand. A desk registers one through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.tributary.api.dsl.MarketDataFactory}).
 *
 * <p>Prices are fixed point: {@code value = mantissa × 10^-scale}; times are nanoseconds since the
 * epoch.
 */
public interface MarketDataFactory {

    Object quote(String venue, String symbol, long bidMantissa, long askMantissa, long bidSize, long askSize,
                 int scale, long tsEventNanos);

    Object trade(String venue, String symbol, long priceMantissa, long quantity, int scale, boolean buyerAggressor,
                 long tsEventNanos);

    Object order(long orderId, String account, String venue, String symbol, boolean buy, long priceMantissa,
                 long quantity, int scale, long tsInitNanos);
}
