package io.tributary.api.market;

/** How long an order stays working. */
public enum TimeInForce {
    /** Good till cancelled. */
    GTC,
    /** Immediate or cancel: fill what is possible now, cancel the rest. */
    IOC,
    /** Fill or kill: fill everything now or nothing. */
    FOK,
    /** Until the end of the trading day. */
    DAY
}
