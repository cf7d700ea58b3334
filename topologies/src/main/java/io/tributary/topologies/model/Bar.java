package io.tributary.topologies.model;

/**
 * Open/high/low/close/volume of the trades of one symbol in one interval. Immutable; {@link #add}
 * returns the bar with one more trade, starting from {@link #EMPTY}.
 *
 * @param startNanos interval start (inclusive), set when the window closes
 * @param endNanos   interval end (exclusive)
 */
public record Bar(String symbol, long open, long high, long low, long close, long volume, int trades, int scale,
                  long startNanos, long endNanos) {

    /** The bar of no trades: the initial value of an aggregation. */
    public static final Bar EMPTY = new Bar(null, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public boolean isEmpty() {
        return trades == 0;
    }

    public Bar add(Trade trade) {
        long price = trade.priceMantissa();
        if (isEmpty()) {
            return new Bar(trade.symbol(), price, price, price, price, trade.quantity(), 1, trade.scale(), 0, 0);
        }
        if (trade.scale() != scale) {
            throw new IllegalArgumentException("trade of " + trade.symbol() + " at scale " + trade.scale()
                    + " does not fit a bar at scale " + scale);
        }
        return new Bar(symbol, open, Math.max(high, price), Math.min(low, price), price, volume + trade.quantity(),
                trades + 1, scale, startNanos, endNanos);
    }

    public Bar withInterval(long start, long end) {
        return new Bar(symbol, open, high, low, close, volume, trades, scale, start, end);
    }
}
