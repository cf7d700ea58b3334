package io.tributary.runtime.plan;

import java.util.concurrent.atomic.LongAdder;

/** A named event count of one node (late events, throttled messages…), read by {@link PhysicalPlan#counters()}. */
final class Counter {
    private final String name;
    private final LongAdder count = new LongAdder();

    Counter(String node, String event) {
        this.name = node + "." + event;
    }

    String name() {
        return name;
    }

    void increment() {
        count.increment();
    }

    long value() {
        return count.sum();
    }
}
