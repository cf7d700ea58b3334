package io.tributary.runtime.testing;

import io.tributary.api.Priority;

/**
 * Pipes values into a topic of a {@link TopologyTestDriver}; each call is processed completely
 * (through every operator, sink and repartition) before it returns, at the driver's current time.
 *
 * @param <T> value type
 */
public final class TestInputTopic<T> {
    private final TopologyTestDriver driver;
    private final String topic;

    TestInputTopic(TopologyTestDriver driver, String topic) {
        this.driver = driver;
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /** Without a key, on the NORMAL lane. */
    public TestInputTopic<T> pipe(T value) {
        return pipe(null, value, Priority.NORMAL);
    }

    public TestInputTopic<T> pipe(Object key, T value) {
        return pipe(key, value, Priority.NORMAL);
    }

    public TestInputTopic<T> pipe(Object key, T value, Priority priority) {
        driver.inject(topic, key, value, priority);
        return this;
    }

    /** Pipes each value without a key. */
    public TestInputTopic<T> pipeAll(Iterable<? extends T> values) {
        for (T value : values) {
            pipe(value);
        }
        return this;
    }
}
