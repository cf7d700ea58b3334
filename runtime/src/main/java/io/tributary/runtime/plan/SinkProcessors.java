package io.tributary.runtime.plan;

import io.tributary.api.Priority;

import java.lang.invoke.MethodHandles;

/** Terminal processors that hand values to the bus or to a plugin. */
final class SinkProcessors {
    private SinkProcessors() {
    }

    /** Template (see {@link Specializer}); data: the publisher. */
    static final class ToTopic implements Processor {
        private static final MethodHandles.Lookup SELF = MethodHandles.lookup();
        private static final TopicPublisher PUBLISHER = Specializer.data(SELF, 0, TopicPublisher.class);

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            PUBLISHER.publish(key, value, lane, topic);
        }
    }

    /** Template (see {@link Specializer}); data: the plugin's target. */
    static final class ToPlugin implements Processor {
        private static final MethodHandles.Lookup SELF = MethodHandles.lookup();
        private static final SinkTarget TARGET = Specializer.data(SELF, 0, SinkTarget.class);

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            TARGET.accept(key, value, lane, topic);
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
