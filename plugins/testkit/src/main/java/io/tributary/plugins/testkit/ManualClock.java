package io.tributary.plugins.testkit;

import io.tributary.api.EpochClock;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to. */
public final class ManualClock implements EpochClock {
    private final AtomicLong now;

    public ManualClock(long startNanos) {
        this.now = new AtomicLong(startNanos);
    }

    @Override
    public long nowNanos() {
        return now.get();
    }

    public void set(long nanos) {
        now.set(nanos);
    }

    public void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
