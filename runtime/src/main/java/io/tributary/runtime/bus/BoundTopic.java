package io.tributary.runtime.bus;

import io.tributary.api.Headers;
import io.tributary.api.Priority;
import io.tributary.api.TopicHandle;
import io.tributary.runtime.match.TopicMatcher;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A topic with its subscriber list cached; re-resolved only when the matcher's version moved, so
 * publishing through it does no string work.
 */
final class BoundTopic implements TopicHandle {
    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(BoundTopic.class, "owner", Owner.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The first thread to publish through this handle, with its publisher context. */
    private record Owner(Thread thread, PublisherContext context) {
    }

    private final LocalMessageBus bus;
    private final String topic;
    /** Racy by design: two threads may both re-resolve; either result is current. */
    private volatile TopicMatcher.Match<Subscriber> match;
    /**
     * Set once, by the first publishing thread. Most handles are published on by one thread (a venue
     * adapter's, a stage's worker), which then finds its context here instead of in the bus's
     * thread-local map: ~1 ns instead of ~3.5 ns of a ~14 ns inline publish (W1). Other threads use the
     * map. It keeps that thread and its context reachable as long as the handle is.
     */
    private Owner owner;

    BoundTopic(LocalMessageBus bus, String topic, TopicMatcher.Match<Subscriber> match) {
        this.bus = bus;
        this.topic = topic;
        this.match = match;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public boolean publish(Object key, Object payload, Priority priority) {
        return bus.dispatch(publisherContext(), subscribers(), topic, key, payload, priority, Headers.EMPTY);
    }

    @Override
    public boolean publish(Object key, Object payload, Priority priority, Headers headers) {
        return bus.dispatch(publisherContext(), subscribers(), topic, key, payload, priority, headers);
    }

    /** The calling thread's publisher context, without the thread-local lookup for the owner. */
    PublisherContext publisherContext() {
        Thread current = Thread.currentThread();
        Owner o = owner;
        if (o != null && o.thread() == current) {
            return o.context();
        }
        PublisherContext context = bus.publisherContext();
        if (o == null) {
            OWNER.compareAndSet(this, null, new Owner(current, context));
        }
        return context;
    }

    Subscriber[] subscribers() {
        TopicMatcher.Match<Subscriber> current = match;
        if (current.version() != bus.matcherVersion()) {
            current = bus.resolve(topic);
            match = current;
        }
        return current.subscribers();
    }

    @Override
    public String toString() {
        return "TopicHandle[" + topic + "]";
    }
}
