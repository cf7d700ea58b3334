package io.tributary.runtime.transport.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.tributary.api.Priority.LOW;
import static io.tributary.api.Priority.NORMAL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LaneGateTest {
    private static final long MS = 1_000_000L;
    private static final Duration[] WAITS = {Duration.ZERO, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(50)};

    @Test
    void everythingIsFetchedWhenNoLaneHasLagOrOnlyTheLowestHas() {
        LaneGate gate = new LaneGate(WAITS, 0);
        assertArrayEquals(new boolean[] {true, true, true, true}, gate.decide(new long[] {0, 0, 0, 0}, MS));
        assertArrayEquals(new boolean[] {true, true, true, true}, gate.decide(new long[] {0, 0, 0, 900}, 2 * MS));
    }

    @Test
    void lanesWithLagBelowTheHighestLaggingLaneAreHeldBack() {
        LaneGate gate = new LaneGate(WAITS, 0);
        assertArrayEquals(new boolean[] {true, true, false, false}, gate.decide(new long[] {0, 3, 10, 900}, MS));
        // CRITICAL lagging holds back everything else that lags; a lane without lag stays open
        assertArrayEquals(new boolean[] {true, true, false, false}, gate.decide(new long[] {5, 0, 10, 900}, 2 * MS));
    }

    @Test
    void aHeldBackLaneGetsOnePollAfterItsMaxWaitThenWaitsAgain() {
        LaneGate gate = new LaneGate(WAITS, 0);
        long[] lag = {7, 0, 10, 900};
        assertArrayEquals(new boolean[] {true, true, false, false}, gate.decide(lag, 1 * MS));
        assertArrayEquals(new boolean[] {true, true, true, false}, gate.decide(lag, 20 * MS));   // NORMAL's 20 ms
        assertArrayEquals(new boolean[] {true, true, false, false}, gate.decide(lag, 21 * MS));
        assertArrayEquals(new boolean[] {true, true, false, false}, gate.decide(lag, 39 * MS));
        // at 50 ms LOW reached its 50 ms, and NORMAL its 20 ms again (last served at 20 ms)
        assertArrayEquals(new boolean[] {true, true, true, true}, gate.decide(lag, 50 * MS));
        assertArrayEquals(new boolean[] {true, true, false, false}, gate.decide(lag, 51 * MS));
        assertEquals(1, gate.starvationGrants(LOW));
        assertEquals(2, gate.starvationGrants(NORMAL));
    }

    @Test
    void aNonPositiveMaxWaitIsRejectedNamingTheLane() {
        Duration[] bad = WAITS.clone();
        bad[2] = Duration.ZERO;
        var e = assertThrows(IllegalArgumentException.class, () -> new LaneGate(bad, 0));
        assertEquals("max wait of lane NORMAL must be positive, was PT0S", e.getMessage());
    }
}
