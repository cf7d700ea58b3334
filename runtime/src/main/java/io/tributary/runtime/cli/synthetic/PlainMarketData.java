package io.tributary.runtime.cli.synthetic;

import io.tributary.api.dsl.MarketDataFactory;

/**
 * Payloads used when no desk registered a {@link MarketDataFactory}: the feed still runs (and
 * topologies that only route by topic still work), with these small records as values.
 */
final class PlainMarketData implements MarketDataFactory {

    /** A top-of-book quote; prices fixed point at {@code scale}. */
    record Quote(String venue, String symbol, long bidMantissa, long askMantissa, long bidSize, long askSize, int scale,
                 long tsEventNanos) {
    }

    /** A trade; {@code buyerAggressor} false means the seller hit the bid. */
    record Trade(String venue, String symbol, long priceMantissa, long quantity, int scale, boolean buyerAggressor,
                 long tsEventNanos) {
    }

    /** A new limit order. */
    record Order(long orderId, String account, String venue, String symbol, boolean buy, long priceMantissa,
                 long quantity, int scale, long tsInitNanos) {
    }

    @Override
    public Object quote(String venue, String symbol, long bidMantissa, long askMantissa, long bidSize, long askSize,
                        int scale, long tsEventNanos) {
        return new Quote(venue, symbol, bidMantissa, askMantissa, bidSize, askSize, scale, tsEventNanos);
    }

    @Override
    public Object trade(String venue, String symbol, long priceMantissa, long quantity, int scale,
                        boolean buyerAggressor, long tsEventNanos) {
        return new Trade(venue, symbol, priceMantissa, quantity, scale, buyerAggressor, tsEventNanos);
    }

    @Override
    public Object order(long orderId, String account, String venue, String symbol, boolean buy, long priceMantissa,
                        long quantity, int scale, long tsInitNanos) {
        return new Order(orderId, account, venue, symbol, buy, priceMantissa, quantity, scale, tsInitNanos);
    }
}
