package io.tributary.runtime.bus;

import io.tributary.api.Headers;
import io.tributary.api.Priority;
import io.tributary.api.TopicHandle;
import io.tributary.runtime.match.TopicMatcher;

/**
 * A topic with its subscriber list cached; re-resolved only when the matcher's version moved, so
 * publishing through it does no string work.
 */
final class BoundTopic implements TopicHandle {
    private final LocalMessageBus bus;
    private final String topic;
    /** Racy by design: two threads may both re-resolve; either result is current. */
    private volatile TopicMatcher.Match<Subscriber> match;

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
        return bus.dispatch(subscribers(), topic, key, payload, priority, Headers.EMPTY);
    }

    @Override
    public boolean publish(Object key, Object payload, Priority priority, Headers headers) {
        return bus.dispatch(subscribers(), topic, key, payload, priority, headers);
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
