package io.tributary.api.dsl;

import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * A stream grouped into event-time windows; {@link #aggregate} turns it back into a stream of closed
 * windows. By default the event time of a message is its publish time.
 *
 * @param <T> value type
 */
public interface WindowedStream<T> {

    /** Event time in nanoseconds since the epoch, taken from the value. */
    WindowedStream<T> eventTime(ToLongFunction<? super T> nanos);

    /** Publishes late events (for an already closed window) to {@code topic} instead of dropping them. */
    WindowedStream<T> lateTo(String topic);

    /**
     * Folds each window's values with {@code aggregator}, starting from {@code initializer.get()}, and
     * emits a {@link Windowed} result per key and window when the window closes.
     */
    <A> Stream<Windowed<A>> aggregate(Supplier<A> initializer, BiFunction<A, ? super T, A> aggregator);

    <A> Stream<Windowed<A>> aggregate(Supplier<A> initializer, BiFunction<A, ? super T, A> aggregator, Named named);

    /** Counts the values per key and window. */
    Stream<Windowed<Long>> count();

    Stream<Windowed<Long>> count(Named named);
}
