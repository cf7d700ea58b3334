package io.tributary.runtime.exec;

import io.tributary.api.Priority;

import java.util.concurrent.atomic.LongAdder;

/**
 * Producer-side counts per lane. Producers on many threads bump these, so they are striped
 * {@link LongAdder}s rather than one contended atomic; they are only touched on the overflow and
 * conflation paths.
 */
final class LaneCounters {
    private final LongAdder[] dropped = adders();
    private final LongAdder[] conflated = adders();
    private final LongAdder[] rejected = adders();
    private final LongAdder[] spilled = adders();

    private static LongAdder[] adders() {
        LongAdder[] a = new LongAdder[Priority.COUNT];
        for (int i = 0; i < a.length; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    void dropped(int lane) {
        dropped[lane].increment();
    }

    void conflated(int lane) {
        conflated[lane].increment();
    }

    void spilled(int lane) {
        spilled[lane].increment();
    }

    long spilled(Priority lane) {
        return spilled[lane.ordinal()].sum();
    }

    void rejected(int lane) {
        rejected[lane].increment();
    }

    long dropped(Priority lane) {
        return dropped[lane.ordinal()].sum();
    }

    long conflated(Priority lane) {
        return conflated[lane.ordinal()].sum();
    }

    long rejected(Priority lane) {
        return rejected[lane.ordinal()].sum();
    }
}
