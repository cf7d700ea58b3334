package io.tributary.api.dsl;

/**
 * The result of one closed window.
 *
 * @param key        the window's key
 * @param startNanos window start, inclusive, nanoseconds since the epoch
 * @param endNanos   window end, exclusive
 * @param value      the aggregate
 * @param <A>        aggregate type
 */
public record Windowed<A>(Object key, long startNanos, long endNanos, A value) {
}
