package io.tributary.runtime.transport.kafka;

/**
 * Wall-clock epoch nanoseconds that are cheap to read: a fixed epoch offset plus
 * {@link System#nanoTime()}. Exact within one process; between processes as good as the clocks.
 */
final class EpochNanos {
    private static final long OFFSET = System.currentTimeMillis() * 1_000_000L - System.nanoTime();

    private EpochNanos() {
    }

    static long now() {
        return OFFSET + System.nanoTime();
    }
}
