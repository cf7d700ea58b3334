package io.tributary.api.dsl.internal;

import io.tributary.api.dsl.Named;
import io.tributary.api.graph.OperatorType;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Latest value per key, released every {@link #interval()}. */
public final class ConflateNode extends GraphNode {
    private final Function<Object, Object> key;
    private final Duration interval;

    @SuppressWarnings("unchecked")
    ConflateNode(int id, Named named, Function<?, ?> key, Duration interval) {
        super(id, OperatorType.CONFLATE, named);
        this.key = (Function<Object, Object>) key;
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("conflation interval must be > 0, was " + interval);
        }
    }

    /** The key function, or null to use the stream's key. */
    public Function<Object, Object> key() {
        return key;
    }

    public Duration interval() {
        return interval;
    }

    @Override
    public boolean keysOutput() {
        return key != null || super.keysOutput();
    }

    @Override
    public void describeAttributes(Map<String, String> out) {
        out.put("interval", Durations.format(interval));
        out.put("key", key != null ? "function" : "stream");
    }
}
