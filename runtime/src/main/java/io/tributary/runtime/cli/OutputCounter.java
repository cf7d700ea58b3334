package io.tributary.runtime.cli;

import io.tributary.api.Envelope;
import io.tributary.api.MessageBus;
import io.tributary.api.MessageHandler;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Stands in for the consumers of a topology's outputs during {@code run}: one pooled subscription
 * per output topic, delivered on the lane each message was published on, counting what arrives.
 * Without consumers the outputs' lanes would carry nothing to measure.
 */
final class OutputCounter implements AutoCloseable {
    private final Map<String, LongAdder> counts = new LinkedHashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    OutputCounter(MessageBus bus, Iterable<String> topics) {
        for (String topic : topics) {
            LongAdder count = new LongAdder();
            counts.put(topic, count);
            MessageHandler<Object> handler = (Envelope<Object> m) -> count.increment();
            subscriptions.add(bus.subscribe(topic, handler, SubscribeOptions.pooled().named("run/output/" + topic)));
        }
    }

    Map<String, Long> counts() {
        Map<String, Long> values = new LinkedHashMap<>();
        counts.forEach((topic, count) -> values.put(topic, count.sum()));
        return values;
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
    }
}
