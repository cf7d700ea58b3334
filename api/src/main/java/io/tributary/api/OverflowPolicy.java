package io.tributary.api;

/** What a lane does when it is full. Every drop, conflation and rejection is counted. */
public enum OverflowPolicy {
    /** The publisher waits (spin, yield, park) until there is room. Default for CRITICAL, HIGH and NORMAL;
     * waits at most the configured block timeout, then rejects (so a handler publishing into its own
     * full lane cannot deadlock the pool). */
    BLOCK,
    /**
     * Keep only the latest undelivered message per (subscriber, topic, key): a newer message replaces
     * a waiting one. Made for quotes feeding screens. Applies whether or not the lane is full.
     */
    CONFLATE,
    /** Discard the oldest waiting message to make room. Default for LOW. */
    DROP_OLDEST,
    /** Refuse the new message: publish returns false. */
    REJECT
}
