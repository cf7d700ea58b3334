package io.tributary.api.dsl.internal;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Rate;
import io.tributary.api.dsl.Router;
import io.tributary.api.dsl.Split;
import io.tributary.api.dsl.Stream;
import io.tributary.api.dsl.TimeWindows;
import io.tributary.api.dsl.WindowedStream;
import io.tributary.api.graph.OperatorType;
import io.tributary.api.graph.PluginRef;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** The DSL's {@link Stream}: a handle on the node the stream leaves; each operator appends a node. */
public final class StreamImpl<T> implements Stream<T> {
    private final InternalGraph graph;
    private final GraphNode node;

    public StreamImpl(InternalGraph graph, GraphNode node) {
        this.graph = graph;
        this.node = node;
    }

    public GraphNode node() {
        return node;
    }

    @Override
    public String nodeName() {
        return node.name();
    }

    private <R> Stream<R> append(GraphNode child) {
        graph.add(child, node);
        return new StreamImpl<>(graph, child);
    }

    private Stream<T> function(OperatorType type, Object function, Named named) {
        return append(new FunctionNode(graph.nextId(), type, named, function));
    }

    @Override
    public Stream<T> filter(Predicate<? super T> predicate) {
        return filter(predicate, null);
    }

    @Override
    public Stream<T> filter(Predicate<? super T> predicate, Named named) {
        return function(OperatorType.FILTER, predicate, named);
    }

    @Override
    public <R> Stream<R> map(Function<? super T, ? extends R> mapper) {
        return map(mapper, null);
    }

    @Override
    public <R> Stream<R> map(Function<? super T, ? extends R> mapper, Named named) {
        return append(new FunctionNode(graph.nextId(), OperatorType.MAP, named, mapper));
    }

    @Override
    public <R> Stream<R> flatMap(Function<? super T, ? extends Iterable<? extends R>> mapper) {
        return flatMap(mapper, null);
    }

    @Override
    public <R> Stream<R> flatMap(Function<? super T, ? extends Iterable<? extends R>> mapper, Named named) {
        return append(new FunctionNode(graph.nextId(), OperatorType.FLAT_MAP, named, mapper));
    }

    @Override
    public Stream<T> peek(Consumer<? super T> action) {
        return peek(action, null);
    }

    @Override
    public Stream<T> peek(Consumer<? super T> action, Named named) {
        return function(OperatorType.PEEK, action, named);
    }

    @Override
    public Stream<T> keyBy(Function<? super T, ?> key) {
        return keyBy(key, null);
    }

    @Override
    public Stream<T> keyBy(Function<? super T, ?> key, Named named) {
        return function(OperatorType.KEY_BY, key, named);
    }

    @Override
    public Split<T> split(Named named) {
        SplitNode split = graph.add(new SplitNode(graph.nextId(), named), node);
        return new SplitImpl<>(graph, split);
    }

    @Override
    public Split<T> split() {
        return split(null);
    }

    @Override
    public Stream<T> merge(Stream<? extends T> other) {
        return merge(other, null);
    }

    @Override
    public Stream<T> merge(Stream<? extends T> other, Named named) {
        Objects.requireNonNull(other, "other");
        if (!(other instanceof StreamImpl<?> o) || o.graph != graph) {
            throw new IllegalArgumentException("cannot merge " + other.nodeName()
                    + ": it belongs to another topology than " + graph.name());
        }
        if (o.node == node) {
            throw new IllegalArgumentException("cannot merge stream " + node.name() + " with itself");
        }
        MergeNode merge = graph.add(new MergeNode(graph.nextId(), named), node, o.node);
        return new StreamImpl<>(graph, merge);
    }

    @Override
    public Stream<T> lane(Priority lane) {
        return lane(lane, null);
    }

    @Override
    public Stream<T> lane(Priority lane, Named named) {
        return append(new LaneNode(graph.nextId(), named, lane));
    }

    @Override
    public Stream<T> route(Router<? super T> router) {
        return route(router, null);
    }

    @Override
    public Stream<T> route(Router<? super T> router, Named named) {
        return append(new RouteNode(graph.nextId(), named, Objects.requireNonNull(router, "router"), null));
    }

    @Override
    public Stream<T> route(PluginRef policy) {
        return route(policy, null);
    }

    @Override
    public Stream<T> route(PluginRef policy, Named named) {
        requireKind(policy, "route", PluginRef.Kind.POLICY);
        return append(new RouteNode(graph.nextId(), named, null, policy));
    }

    @Override
    public Stream<T> conflate() {
        return conflate(null, DEFAULT_CONFLATION_INTERVAL, null);
    }

    @Override
    public Stream<T> conflate(Function<? super T, ?> key) {
        return conflate(Objects.requireNonNull(key, "key"), DEFAULT_CONFLATION_INTERVAL, null);
    }

    @Override
    public Stream<T> conflate(Function<? super T, ?> key, Duration interval, Named named) {
        return append(new ConflateNode(graph.nextId(), named, key, interval));
    }

    @Override
    public Stream<T> throttle(Rate rate) {
        return throttle(null, rate, null);
    }

    @Override
    public Stream<T> throttle(Function<? super T, ?> key, Rate rate) {
        return throttle(Objects.requireNonNull(key, "key"), rate, null);
    }

    @Override
    public Stream<T> throttle(Function<? super T, ?> key, Rate rate, Named named) {
        return append(new ThrottleNode(graph.nextId(), named, key, rate));
    }

    @Override
    public WindowedStream<T> windowedBy(TimeWindows windows) {
        return new WindowedStreamImpl<>(graph, node, null, Objects.requireNonNull(windows, "windows"));
    }

    @Override
    public WindowedStream<T> windowedBy(Function<? super T, ?> key, TimeWindows windows) {
        return new WindowedStreamImpl<>(graph, node, Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(windows, "windows"));
    }

    @Override
    public void to(String topic) {
        to(topic, null);
    }

    @Override
    public void to(String topic, Named named) {
        graph.add(new SinkNode(graph.nextId(), named, Objects.requireNonNull(topic, "topic"), null), node);
    }

    @Override
    public void to(PluginRef sink) {
        to(sink, null);
    }

    @Override
    public void to(PluginRef sink, Named named) {
        requireKind(sink, "to", PluginRef.Kind.SINK, PluginRef.Kind.VENUE);
        graph.add(new SinkNode(graph.nextId(), named, null, sink), node);
    }

    @Override
    public void forEach(Consumer<? super T> action) {
        forEach(action, null);
    }

    @Override
    public void forEach(Consumer<? super T> action, Named named) {
        graph.add(new FunctionNode(graph.nextId(), OperatorType.FOR_EACH, named, action), node);
    }

    private static void requireKind(PluginRef ref, String operator, PluginRef.Kind... kinds) {
        Objects.requireNonNull(ref, "plugin reference");
        for (PluginRef.Kind kind : kinds) {
            if (ref.kind() == kind) {
                return;
            }
        }
        throw new IllegalArgumentException(operator + "(" + ref + ") needs a reference of kind "
                + java.util.Arrays.toString(kinds) + ", not " + ref.kind());
    }

    @Override
    public String toString() {
        return "Stream[" + node.name() + "]";
    }
}
