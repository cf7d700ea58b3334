package io.tributary.api;

/** What a lane does when it is full. Every drop, conflation and rejection is counted. */
public enum OverflowPolicy {
    /** The publisher waits (spin, yield, park) until there is room. Default for CRITICAL and HIGH. */
    BLOCK,
    /**
     * Keep only the latest undelivered message per (subscriber, topic, key): a newer message replaces
     * a waiting one. Made for quotes feeding screens. Applies whether or not the lane is full.
     */
    CONFLATE,
    /** Discard the oldest waiting message to make room. Default for NORMAL and LOW. */
    DROP_OLDEST,
    /** Refuse the new message: publish returns false. */
    REJECT
}
