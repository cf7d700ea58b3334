package io.tributary.api.dsl;

import io.tributary.api.Priority;
import io.tributary.api.graph.PluginRef;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A stream of values in a topology under construction. Every operator adds one node to the graph
 * and returns the stream that leaves it; nothing runs until the topology is compiled.
 *
 * <p>Every stream must end in a terminal ({@link #to}, {@link #forEach}) or feed another operator;
 * the compiler rejects dangling streams. Functions passed here may be called concurrently for
 * different keys and must not keep the values they receive beyond the call unless those values are
 * immutable.
 *
 * @param <T> value type
 */
public interface Stream<T> {

    /** Name of the node this stream leaves. */
    String nodeName();

    Stream<T> filter(Predicate<? super T> predicate);

    Stream<T> filter(Predicate<? super T> predicate, Named named);

    <R> Stream<R> map(Function<? super T, ? extends R> mapper);

    <R> Stream<R> map(Function<? super T, ? extends R> mapper, Named named);

    /** One input, zero or more outputs, in the iterable's order. */
    <R> Stream<R> flatMap(Function<? super T, ? extends Iterable<? extends R>> mapper);

    <R> Stream<R> flatMap(Function<? super T, ? extends Iterable<? extends R>> mapper, Named named);

    /** Calls {@code action} and passes the value on unchanged. */
    Stream<T> peek(Consumer<? super T> action);

    Stream<T> peek(Consumer<? super T> action, Named named);

    /**
     * Sets the message key: the key is published with every output, keeps per-key order on the bus
     * and is what {@link #conflate()} and {@link #windowedBy(TimeWindows)} group by.
     */
    Stream<T> keyBy(Function<? super T, ?> key);

    Stream<T> keyBy(Function<? super T, ?> key, Named named);

    /**
     * Splits into named branches: {@code split(Named.as("by-venue")).branch("binance", q -> …)
     * .defaultBranch("other")}. Each message goes to the first branch whose predicate accepts it;
     * without a default branch the rest are dropped.
     */
    Split<T> split(Named named);

    Split<T> split();

    /** Both streams' messages, interleaved in arrival order. */
    Stream<T> merge(Stream<? extends T> other);

    Stream<T> merge(Stream<? extends T> other, Named named);

    /** Messages from here on travel on {@code lane} (outputs are published with that priority). */
    Stream<T> lane(Priority lane);

    Stream<T> lane(Priority lane, Named named);

    /** An in-DSL routing policy chooses the lane and/or destination topic of each message. */
    Stream<T> route(Router<? super T> router);

    Stream<T> route(Router<? super T> router, Named named);

    /** A routing-policy plugin ({@link Policy#ref}) chooses the lane and/or destination. */
    Stream<T> route(PluginRef policy);

    Stream<T> route(PluginRef policy, Named named);

    /** Default interval of {@link #conflate()}. */
    Duration DEFAULT_CONFLATION_INTERVAL = Duration.ofMillis(100);

    /**
     * Keeps only the latest value per key (the key set by {@link #keyBy}) and releases the keys that
     * changed every {@link #DEFAULT_CONFLATION_INTERVAL}: for screens that need the current price,
     * not every tick.
     */
    Stream<T> conflate();

    /** Conflates by {@code key}, which also becomes the stream's key. */
    Stream<T> conflate(Function<? super T, ?> key);

    Stream<T> conflate(Function<? super T, ?> key, Duration interval, Named named);

    /** Lets at most {@code rate} messages through for the whole stream; the excess is dropped and counted. */
    Stream<T> throttle(Rate rate);

    /** Lets at most {@code rate} messages through per key; the excess is dropped and counted. */
    Stream<T> throttle(Function<? super T, ?> key, Rate rate);

    Stream<T> throttle(Function<? super T, ?> key, Rate rate, Named named);

    /** Event-time windows over the stream's key (set by {@link #keyBy}). */
    WindowedStream<T> windowedBy(TimeWindows windows);

    /** Event-time windows over {@code key}. */
    WindowedStream<T> windowedBy(Function<? super T, ?> key, TimeWindows windows);

    /** Publishes every value to {@code topic} (or to the topic a route chose). */
    void to(String topic);

    void to(String topic, Named named);

    /** Hands every value to a sink plugin ({@link Sinks#ref}) or an execution venue ({@link Venue#ref}). */
    void to(PluginRef sink);

    void to(PluginRef sink, Named named);

    /** Terminal callback, e.g. for logging or tests. */
    void forEach(Consumer<? super T> action);

    void forEach(Consumer<? super T> action, Named named);
}
