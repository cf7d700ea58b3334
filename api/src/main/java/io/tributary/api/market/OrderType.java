package io.tributary.api.market;

/** How an order is priced. */
public enum OrderType {
    /** Executes at the best available price. */
    MARKET,
    /** Executes at the given price or better. */
    LIMIT
}
