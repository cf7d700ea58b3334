package io.tributary.runtime.bus;

import io.tributary.api.Envelope;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;
import io.tributary.api.TopicPattern;

/**
 * A subscription whose handler is a {@link MeteredDelivery}: the owner of its counts (usually the one
 * thread that drives it) is counted here, around a direct call of the metered handler; every other
 * thread goes through the wrapper, which counts for itself.
 *
 * <p>The owner's path is kept short, everything rare (unsubscribed, another thread, a sample, a
 * failure) out of line: on the publisher's thread this method is inlined into the publish.
 */
final class MeteredSubscriber extends Subscriber {
    private final MeteredDelivery<Object> metered;
    private final DeliveryCounts counts;

    MeteredSubscriber(LocalMessageBus bus, String name, String pattern, TopicPattern compiled,
                      MeteredDelivery<Object> metered, Priority lane, boolean inline) {
        super(bus, name, pattern, compiled, metered.handler(), lane, inline);
        this.metered = metered;
        this.counts = metered.counts();
    }

    @Override
    public void deliver(Envelope<Object> message) {
        DeliveryCounts c = counts;
        if (!isActive() || !c.ownedBy(Thread.currentThread())) {
            deliverThroughWrapper(message);
            return;
        }
        if ((c.ownerIn() & c.sampleMask()) == 0) {
            metered.sample(message);
        }
        try {
            handler.onMessage(message);
        } catch (Throwable t) {
            failed(c, message, t);
            return;
        }
        c.ownerOut();
    }

    /** Unsubscribed, or not the owner (the first delivery makes its thread the owner, through the wrapper). */
    private void deliverThroughWrapper(Envelope<Object> message) {
        if (!isActive()) {
            return;
        }
        try {
            metered.onMessage(message);   // counts in, out or errors itself, and rethrows
        } catch (Throwable t) {
            bus.deadLetter(this, message, t);
        }
    }

    private void failed(DeliveryCounts c, Envelope<Object> message, Throwable t) {
        c.ownerError();
        bus.deadLetter(this, message, t);
    }
}
