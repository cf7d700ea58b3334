package io.tributary.runtime.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LaneWaitEstimatorTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    @Test
    void anEmptyLaneWaitsNothing() {
        LaneWaitEstimator e = new LaneWaitEstimator(100 * MS, 0, 0);
        assertEquals(0, e.estimate(S, 0, 500));
    }

    @Test
    void aDrainingLaneWaitsDepthOverDrainRate() {
        LaneWaitEstimator e = new LaneWaitEstimator(100 * MS, 0, 0);
        // 1000 left in 1 s, 250 waiting: a new message waits about 250 ms
        assertEquals(250 * MS, e.estimate(S, 250, 1000));
        // next second only 100 left, 400 waiting: 4 s
        assertEquals(4 * S, e.estimate(2 * S, 400, 1100));
    }

    @Test
    void aStuckLaneWaitsSinceItLastMoved() {
        LaneWaitEstimator e = new LaneWaitEstimator(100 * MS, 0, 0);
        assertEquals(0, e.estimate(S, 0, 10));            // empty at 1 s
        assertEquals(2 * S, e.estimate(3 * S, 5, 10));    // 5 waiting, nothing left since: up to 2 s
        assertEquals(4 * S, e.estimate(5 * S, 9, 10));
        assertEquals(0, e.estimate(6 * S, 0, 19));        // drained
    }

    @Test
    void readsCloserThanTheSampleIntervalShareTheLastEstimate() {
        LaneWaitEstimator e = new LaneWaitEstimator(100 * MS, 0, 0);
        assertEquals(2 * S, e.estimate(2 * S, 5, 0));
        // a second reader right after sees no progress in 1 ms but must not report "waiting 1 ms"
        assertEquals(2 * S, e.estimate(2 * S + MS, 5, 0));
        assertEquals(3 * S, e.estimate(3 * S, 5, 0));
    }
}
