package io.tributary.runtime.plan;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Rate;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Generic cell rate algorithm on the message timestamps: a message passes when its key's
 * theoretical arrival time is at most {@code (burst - 1) × interval} ahead of it. Lock-free; no
 * allocation once a key is known.
 */
final class ThrottleProcessor implements Processor {
    private final Function<Object, Object> keyFunction;
    private final long intervalNanos;
    private final long toleranceNanos;
    private final Processor next;
    private final Counter throttled;
    private final AtomicLong streamBudget = new AtomicLong(Long.MIN_VALUE);
    private final ConcurrentHashMap<Object, AtomicLong> keyBudgets;

    ThrottleProcessor(Function<Object, Object> keyFunction, Rate rate, Processor next, Counter throttled) {
        this.keyFunction = keyFunction;
        this.intervalNanos = rate.intervalNanos();
        this.toleranceNanos = intervalNanos * (rate.burst() - 1);
        this.next = next;
        this.throttled = throttled;
        this.keyBudgets = keyFunction == null ? null : new ConcurrentHashMap<>();
    }

    @Override
    public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
        AtomicLong budget = streamBudget;
        if (keyFunction != null) {
            Object k = keyFunction.apply(value);
            budget = keyBudgets.get(k);
            if (budget == null) {
                budget = keyBudgets.computeIfAbsent(k, x -> new AtomicLong(Long.MIN_VALUE));
            }
        }
        if (admit(budget, timestampNanos)) {
            next.process(key, value, timestampNanos, lane, topic);
        } else {
            throttled.increment();
        }
    }

    private boolean admit(AtomicLong theoreticalArrival, long now) {
        while (true) {
            long tat = theoreticalArrival.get();
            long start = tat == Long.MIN_VALUE ? now : Math.max(tat, now);
            if (start - now > toleranceNanos) {
                return false;
            }
            if (theoreticalArrival.compareAndSet(tat, start + intervalNanos)) {
                return true;
            }
        }
    }
}
