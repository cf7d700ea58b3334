package io.tributary.runtime.exec;

import io.tributary.api.Priority;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per-worker, per-lane counts and wait times. Single writer (the worker): counters are bumped with
 * ordered stores (no atomic RMW) and waits go into a wait-free {@link SingleWriterRecorder};
 * readers sum over workers.
 */
final class WorkerMetrics {
    /** Waits are clamped to this (60 s) to bound histogram memory. */
    static final long HIGHEST_WAIT_NANOS = 60_000_000_000L;
    static final int SIGNIFICANT_DIGITS = 2;

    private final AtomicLongArray delivered = new AtomicLongArray(Priority.COUNT);
    private final AtomicLongArray failed = new AtomicLongArray(Priority.COUNT);
    private final SingleWriterRecorder[] waits = new SingleWriterRecorder[Priority.COUNT];

    WorkerMetrics() {
        for (int i = 0; i < Priority.COUNT; i++) {
            waits[i] = new SingleWriterRecorder(1, HIGHEST_WAIT_NANOS, SIGNIFICANT_DIGITS);
        }
    }

    void recordWait(int lane, long nanos) {
        waits[lane].recordValue(Math.max(0, Math.min(HIGHEST_WAIT_NANOS, nanos)));
    }

    void addDelivered(int lane, int count) {
        delivered.lazySet(lane, delivered.get(lane) + count);
    }

    /** @return the new failure count of the lane on this worker */
    long addFailed(int lane) {
        long n = failed.get(lane) + 1;
        failed.lazySet(lane, n);
        return n;
    }

    long delivered(int lane) {
        return delivered.get(lane);
    }

    long failed(int lane) {
        return failed.get(lane);
    }

    /** Moves the waits recorded since the last call into {@code into} (overwriting it). One reader at a time. */
    void harvestWaits(int lane, Histogram into) {
        waits[lane].getIntervalHistogramInto(into);
    }
}
