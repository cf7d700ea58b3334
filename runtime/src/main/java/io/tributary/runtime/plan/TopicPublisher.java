package io.tributary.runtime.plan;

import io.tributary.api.Headers;
import io.tributary.api.MessageBus;
import io.tributary.api.Priority;
import io.tributary.api.TopicHandle;

/**
 * Publishes to one topic on the bus the plan was started on, through a handle resolved once at
 * start (no string work per message); a routed destination goes through the bus's own topic cache.
 */
final class TopicPublisher {
    private final String topic;
    private volatile MessageBus bus;
    private volatile TopicHandle handle;

    TopicPublisher(String topic) {
        this.topic = topic;
    }

    String topic() {
        return topic;
    }

    void bind(MessageBus target) {
        this.handle = target.topic(topic);
        this.bus = target;
    }

    void publish(Object key, Object value, Priority lane, String routedTopic) {
        TopicHandle h = handle;
        if (h == null) {
            throw new IllegalStateException("plan is not started: cannot publish to " + topic);
        }
        if (routedTopic == null) {
            h.publish(key, value, lane);
        } else {
            bus.publish(routedTopic, key, value, lane, Headers.EMPTY);
        }
    }
}
