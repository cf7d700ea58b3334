package io.tributary.runtime.plan;

import io.tributary.api.Priority;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps the latest value per key; every interval the timer releases the keys that changed. Writers
 * replace the map entry (no allocation once a key is known, no lock); only the timer emits, so each
 * key's outputs stay in order.
 */
final class ConflateProcessor implements Processor, Punctuated {
    private static final Object EMPTY = new Object();

    private final Function<Object, Object> keyFunction;
    private final long intervalNanos;
    private final Priority lane;
    private final Processor next;
    private final Counter conflated;
    private final ConcurrentHashMap<Object, Object> latest = new ConcurrentHashMap<>();
    private long nextFlushNanos = Long.MIN_VALUE;

    ConflateProcessor(Function<Object, Object> keyFunction, long intervalNanos, Priority lane, Processor next,
                      Counter conflated) {
        this.keyFunction = keyFunction;
        this.intervalNanos = intervalNanos;
        this.lane = lane;
        this.next = next;
        this.conflated = conflated;
    }

    @Override
    public void process(Object key, Object value, long timestampNanos, Priority ignoredLane, String topic) {
        Object k = keyFunction != null ? keyFunction.apply(value) : key;
        if (k == null) {
            throw new IllegalStateException("conflation key is null for value " + value);
        }
        Object previous = latest.put(k, value);
        if (previous != null && previous != EMPTY) {
            conflated.increment();
        }
    }

    @Override
    public void punctuate(long nowNanos) {
        if (nextFlushNanos == Long.MIN_VALUE) {
            nextFlushNanos = nowNanos;
        }
        if (nowNanos < nextFlushNanos) {
            return;
        }
        nextFlushNanos = nowNanos + intervalNanos;
        for (Map.Entry<Object, Object> entry : latest.entrySet()) {
            Object key = entry.getKey();
            Object value = latest.replace(key, EMPTY);
            if (value != null && value != EMPTY) {
                next.process(key, value, nowNanos, lane, null);
            }
        }
    }
}
