package io.tributary.topologies.model;

import io.tributary.api.dsl.MarketDataFactory;

/** Lets the runtime's synthetic feed publish this module's {@link Quote}, {@link Trade} and {@link Order}. */
public final class ExampleMarketData implements MarketDataFactory {

    @Override
    public Object quote(String venue, String symbol, long bidMantissa, long askMantissa, long bidSize, long askSize,
                        int scale, long tsEventNanos) {
        return new Quote(venue, symbol, bidMantissa, askMantissa, bidSize, askSize, scale, tsEventNanos);
    }

    @Override
    public Object trade(String venue, String symbol, long priceMantissa, long quantity, int scale,
                        boolean buyerAggressor, long tsEventNanos) {
        return new Trade(venue, symbol, priceMantissa, quantity, scale, buyerAggressor ? Side.BUY : Side.SELL,
                tsEventNanos);
    }

    @Override
    public Object order(long orderId, String account, String venue, String symbol, boolean buy, long priceMantissa,
                        long quantity, int scale, long tsInitNanos) {
        return new Order(orderId, account, venue, symbol, buy ? Side.BUY : Side.SELL, priceMantissa, quantity, scale,
                tsInitNanos);
    }
}
