package io.tributary.api.dsl.internal;

import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.TimeWindows;
import io.tributary.api.graph.OperatorType;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/** Event-time windows aggregated per key; emits one {@code Windowed} per key and window on close. */
public final class WindowNode extends GraphNode {
    private final Function<Object, Object> key;
    private final TimeWindows windows;
    private final ToLongFunction<Object> eventTime;
    private final String lateTopic;
    private final Supplier<Object> initializer;
    private final BiFunction<Object, Object, Object> aggregator;

    @SuppressWarnings("unchecked")
    WindowNode(int id, Named named, Function<?, ?> key, TimeWindows windows, ToLongFunction<?> eventTime,
               String lateTopic, Supplier<?> initializer, BiFunction<?, ?, ?> aggregator) {
        super(id, OperatorType.WINDOW_AGGREGATE, named);
        this.key = (Function<Object, Object>) key;
        this.windows = Objects.requireNonNull(windows, "windows");
        this.eventTime = (ToLongFunction<Object>) eventTime;
        this.lateTopic = lateTopic;
        this.initializer = (Supplier<Object>) Objects.requireNonNull(initializer, "initializer");
        this.aggregator = (BiFunction<Object, Object, Object>) Objects.requireNonNull(aggregator, "aggregator");
    }

    /** Null: the stream's key. */
    public Function<Object, Object> key() {
        return key;
    }

    public TimeWindows windows() {
        return windows;
    }

    /** Null: the message's publish time. */
    public ToLongFunction<Object> eventTime() {
        return eventTime;
    }

    /** Null: late events are counted and dropped. */
    public String lateTopic() {
        return lateTopic;
    }

    public Supplier<Object> initializer() {
        return initializer;
    }

    public BiFunction<Object, Object, Object> aggregator() {
        return aggregator;
    }

    @Override
    public boolean keysOutput() {
        return key != null || super.keysOutput();
    }

    @Override
    public List<String> topics() {
        return lateTopic == null ? List.of() : List.of(lateTopic);
    }

    @Override
    public void describeAttributes(Map<String, String> out) {
        out.put("window", windows.toString());
        out.put("grace", Durations.format(windows.grace()));
        out.put("event-time", eventTime != null ? "function" : "publish-time");
        out.put("late", lateTopic != null ? "to " + lateTopic : "drop");
    }
}
