package io.tributary.runtime.metrics;

import com.codahale.metrics.Counter;

import java.util.function.LongSupplier;

/**
 * A read-only {@link Counter} whose count is a monotonic total kept elsewhere (the executor's lane
 * counters, the bus's error counts). Registered as a counter so every reporter types it as one:
 * Prometheus gets {@code _total} and can take {@code rate()} of it.
 */
final class DerivedCounter extends Counter {
    private final String name;
    private final LongSupplier total;

    DerivedCounter(String name, LongSupplier total) {
        this.name = name;
        this.total = total;
    }

    @Override
    public long getCount() {
        return total.getAsLong();
    }

    @Override
    public void inc(long n) {
        throw new UnsupportedOperationException(name + " is derived from the runtime's own counters; it cannot be changed");
    }

    @Override
    public void dec(long n) {
        throw new UnsupportedOperationException(name + " is derived from the runtime's own counters; it cannot be changed");
    }
}
