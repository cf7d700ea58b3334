package io.tributary.runtime.bus;

import io.tributary.api.Envelope;
import io.tributary.api.MessageHandler;

/**
 * A handler that carries its own meters and lets {@link LocalMessageBus} do its counting in the
 * delivery loop: the bus calls {@link #handler()} directly and counts in {@link #counts()} on the
 * owner's path, instead of calling the metering wrapper around it. The wrapper stays a complete
 * handler ({@link #onMessage} counts and rethrows) for threads that do not own the counts and for
 * any other bus.
 *
 * <p>Why: on the publisher's thread an inline delivery is ~10 ns (W1); an extra call level and a
 * second try/catch around the handler cost more than the counting itself (issue 6 allows metrics
 * 10%).
 */
public interface MeteredDelivery<T> extends MessageHandler<T> {

    /** The handler being metered: the bus calls it directly on the owner's path. */
    MessageHandler<T> handler();

    /** The counts the bus adds to on the owner's path. */
    DeliveryCounts counts();

    /**
     * Called by the counts' owner, before the handler, for the messages whose in count has
     * {@link DeliveryCounts#sampleMask()} clear: record their latency and set the next mask.
     */
    void sample(Envelope<T> message);
}
