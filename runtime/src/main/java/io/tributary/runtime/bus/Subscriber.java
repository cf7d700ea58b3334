package io.tributary.runtime.bus;

import io.tributary.api.Envelope;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;
import io.tributary.api.Subscription;
import io.tributary.api.TopicPattern;
import io.tributary.runtime.exec.DeliveryTarget;

/**
 * One subscription: the user's handler plus how it is delivered. The bus's {@link DeliveryTarget}:
 * a failing handler is counted and dead-lettered here, so nothing a handler does can reach the
 * worker or the publisher. A metered handler gets a {@link MeteredSubscriber}.
 */
class Subscriber implements Subscription, DeliveryTarget {
    final LocalMessageBus bus;
    private final String name;
    private final String pattern;
    /** Null for an endpoint handler. */
    final TopicPattern compiled;
    final MessageHandler<Object> handler;
    /** Forced lane, or null for the message's own priority. */
    final Priority lane;
    final boolean inline;
    private volatile boolean active = true;

    Subscriber(LocalMessageBus bus, String name, String pattern, TopicPattern compiled,
               MessageHandler<Object> handler, Priority lane, boolean inline) {
        this.bus = bus;
        this.name = name;
        this.pattern = pattern;
        this.compiled = compiled;
        this.handler = handler;
        this.lane = lane;
        this.inline = inline;
    }

    @Override
    public void deliver(Envelope<Object> message) {
        if (!active) {
            return; // unsubscribed while the message waited in a lane
        }
        try {
            handler.onMessage(message);
        } catch (Throwable t) {
            bus.deadLetter(this, message, t); // counted there, once for the whole bus
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String pattern() {
        return pattern;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    void deactivate() {
        active = false;
    }

    @Override
    public void close() {
        bus.unsubscribe(this);
    }

    @Override
    public String toString() {
        return "Subscription[" + name + " on " + pattern + (inline ? ", inline" : ", pooled")
                + (lane != null ? ", lane " + lane : "") + "]";
    }
}
