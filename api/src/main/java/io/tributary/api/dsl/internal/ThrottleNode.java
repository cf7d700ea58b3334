package io.tributary.api.dsl.internal;

import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Rate;
import io.tributary.api.graph.OperatorType;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** At most {@link #rate()} messages per key, or for the whole stream when there is no key function. */
public final class ThrottleNode extends GraphNode {
    private final Function<Object, Object> key;
    private final Rate rate;

    @SuppressWarnings("unchecked")
    ThrottleNode(int id, Named named, Function<?, ?> key, Rate rate) {
        super(id, OperatorType.THROTTLE, named);
        this.key = (Function<Object, Object>) key;
        this.rate = Objects.requireNonNull(rate, "rate");
    }

    /** Null: one budget for the whole stream. */
    public Function<Object, Object> key() {
        return key;
    }

    public Rate rate() {
        return rate;
    }

    @Override
    public void describeAttributes(Map<String, String> out) {
        out.put("rate", rate.toString());
        out.put("per", key != null ? "key" : "stream");
    }
}
