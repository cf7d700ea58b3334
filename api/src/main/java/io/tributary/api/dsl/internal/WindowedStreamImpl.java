package io.tributary.api.dsl.internal;

import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Stream;
import io.tributary.api.dsl.TimeWindows;
import io.tributary.api.dsl.WindowedStream;
import io.tributary.api.dsl.Windowed;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/** Collects window settings; {@link #aggregate} adds the {@link WindowNode}. */
final class WindowedStreamImpl<T> implements WindowedStream<T> {
    private final InternalGraph graph;
    private final GraphNode parent;
    private final Function<? super T, ?> key;
    private final TimeWindows windows;
    private ToLongFunction<? super T> eventTime;
    private String lateTopic;

    WindowedStreamImpl(InternalGraph graph, GraphNode parent, Function<? super T, ?> key, TimeWindows windows) {
        this.graph = graph;
        this.parent = parent;
        this.key = key;
        this.windows = windows;
    }

    @Override
    public WindowedStream<T> eventTime(ToLongFunction<? super T> nanos) {
        this.eventTime = Objects.requireNonNull(nanos, "eventTime");
        return this;
    }

    @Override
    public WindowedStream<T> lateTo(String topic) {
        this.lateTopic = Objects.requireNonNull(topic, "topic");
        return this;
    }

    @Override
    public <A> Stream<Windowed<A>> aggregate(Supplier<A> initializer, BiFunction<A, ? super T, A> aggregator) {
        return aggregate(initializer, aggregator, null);
    }

    @Override
    public <A> Stream<Windowed<A>> aggregate(Supplier<A> initializer, BiFunction<A, ? super T, A> aggregator,
                                             Named named) {
        WindowNode node = graph.add(new WindowNode(graph.nextId(), named, key, windows, eventTime, lateTopic,
                initializer, aggregator), parent);
        return new StreamImpl<>(graph, node);
    }

    @Override
    public Stream<Windowed<Long>> count() {
        return count(null);
    }

    @Override
    public Stream<Windowed<Long>> count(Named named) {
        return aggregate(() -> 0L, (Long count, T value) -> count + 1, named);
    }
}
