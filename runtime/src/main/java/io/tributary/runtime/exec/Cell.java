package io.tributary.runtime.exec;

/**
 * A preallocated ring cell: the message fields plus what the worker needs to deliver it. Written by
 * the producer that claimed it, read by the consumer that took it; the ring's per-cell sequence
 * (release/acquire) hands it over, so the fields here are plain.
 */
final class Cell extends MutableEnvelope {
    DeliveryTarget target;
    /** Key slot, released after delivery. */
    int slot;
    /** Clock time when the message was accepted. */
    long enqueueNanos;
    /** Non-null on CONFLATE lanes: the message fields live in the holder, not in this cell. */
    ConflationHolder holder;

    void clearCell() {
        clear();
        target = null;
        holder = null;
    }
}
