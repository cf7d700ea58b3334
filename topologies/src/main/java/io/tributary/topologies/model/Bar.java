package io.tributary.topologies.model;

import io.tributary.api.market.Trade;

/**
 * Open/high/low/close/volume of the trades of one symbol in one interval, fixed point like the
 * trades ({@code price × 10^-priceScale}, {@code volume × 10^-sizeScale}). Immutable; {@link #add}
 * returns the bar with one more trade, starting from {@link #EMPTY}.
 *
 * @param startNanos interval start (inclusive), set when the window closes
 * @param endNanos   interval end (exclusive)
 */
public record Bar(String symbol, long open, long high, long low, long close, long volume, int trades, int priceScale,
                  int sizeScale, long startNanos, long endNanos) {

    /** The bar of no trades: the initial value of an aggregation. */
    public static final Bar EMPTY = new Bar(null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public boolean isEmpty() {
        return trades == 0;
    }

    /** @throws IllegalArgumentException when the trade's scales differ from the bar's */
    public Bar add(Trade trade) {
        long price = trade.price();
        if (isEmpty()) {
            return new Bar(trade.instrument().symbol(), price, price, price, price, trade.size(), 1, trade.priceScale(),
                    trade.sizeScale(), 0, 0);
        }
        if (trade.priceScale() != priceScale || trade.sizeScale() != sizeScale) {
            throw new IllegalArgumentException("trade of " + trade.instrument() + " at scales " + trade.priceScale()
                    + "/" + trade.sizeScale() + " does not fit a bar at scales " + priceScale + "/" + sizeScale);
        }
        return new Bar(symbol, open, Math.max(high, price), Math.min(low, price), price, volume + trade.size(),
                trades + 1, priceScale, sizeScale, startNanos, endNanos);
    }

    public Bar withInterval(long start, long end) {
        return new Bar(symbol, open, high, low, close, volume, trades, priceScale, sizeScale, start, end);
    }
}
