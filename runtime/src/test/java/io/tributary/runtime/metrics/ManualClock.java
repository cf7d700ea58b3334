package io.tributary.runtime.metrics;

import io.tributary.api.EpochClock;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** An {@link EpochClock} that moves only when a test says so. */
final class ManualClock implements EpochClock {
    private final AtomicLong now = new AtomicLong(1_700_000_000_000_000_000L);

    @Override
    public long nowNanos() {
        return now.get();
    }

    void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }
}
