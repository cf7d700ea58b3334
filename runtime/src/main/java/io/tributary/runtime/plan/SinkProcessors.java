package io.tributary.runtime.plan;

import io.tributary.api.Priority;

/** Terminal processors that hand values to the bus or to a plugin. */
final class SinkProcessors {
    private SinkProcessors() {
    }

    static final class ToTopic implements Processor {
        private final TopicPublisher publisher;

        ToTopic(TopicPublisher publisher) {
            this.publisher = publisher;
        }

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            publisher.publish(key, value, lane, topic);
        }
    }

    static final class ToPlugin implements Processor {
        private final SinkTarget target;

        ToPlugin(SinkTarget target) {
            this.target = target;
        }

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            target.accept(key, value, lane, topic);
        }
    }

    /**
     * Sends the stream through an internal topic with its new key, so that the keyed operator behind
     * it sees each key on one worker at a time (the executor pins (topic, key) to a worker). The
     * original timestamp travels along, because the window behind it may use it as event time.
     */
    static final class Repartition implements Processor {
        private final TopicPublisher publisher;

        Repartition(TopicPublisher publisher) {
            this.publisher = publisher;
        }

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            publisher.publish(key, new Repartitioned(value, timestampNanos), lane, null);
        }
    }

    /** Payload of an internal repartition topic. */
    record Repartitioned(Object value, long timestampNanos) {
    }
}
