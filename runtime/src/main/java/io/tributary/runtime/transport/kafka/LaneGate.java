package io.tributary.runtime.transport.kafka;

import io.tributary.api.Priority;

import java.time.Duration;

/**
 * Decides which lanes fetch in their next poll: a lane with lag is held back while a higher lane has
 * lag, except once it has waited its max wait: then it gets one poll. A lane without lag, and CRITICAL,
 * always fetch. Pure logic, no Kafka: the consumers feed it lags and apply the answer with
 * pause/resume.
 */
final class LaneGate {
    private final long[] maxWaitNanos = new long[Priority.COUNT];
    private final long[] lastServedNanos = new long[Priority.COUNT];
    private final boolean[] open = new boolean[Priority.COUNT];
    private final long[] grants = new long[Priority.COUNT];

    /** @param maxWait indexed by lane ordinal; entry 0 (CRITICAL) is ignored */
    LaneGate(Duration[] maxWait, long nowNanos) {
        for (int i = 1; i < Priority.COUNT; i++) {
            if (maxWait[i].isNegative() || maxWait[i].isZero()) {
                throw new IllegalArgumentException("max wait of lane " + Priority.ofOrdinal(i)
                        + " must be positive, was " + maxWait[i]);
            }
            maxWaitNanos[i] = maxWait[i].toNanos();
        }
        java.util.Arrays.fill(lastServedNanos, nowNanos);
        java.util.Arrays.fill(open, true);
    }

    /**
     * @param lag records behind per lane (ordinal index); 0 when caught up
     * @return per lane: fetch it in the next poll (the array is reused: read it before the next call)
     */
    boolean[] decide(long[] lag, long nowNanos) {
        for (int i = 0; i < Priority.COUNT; i++) {
            open[i] = mayFetch(i, lag, nowNanos);
        }
        return open;
    }

    /**
     * Whether {@code lane} may fetch in its next poll. Touches only {@code lane}'s own state, so each
     * lane's consuming thread may call it for its lane without locks.
     *
     * @param lag records behind per lane, as last seen by each lane's consumer
     */
    boolean mayFetch(int lane, long[] lag, long nowNanos) {
        boolean higherLags = false;
        for (int i = 0; i < lane; i++) {
            if (lag[i] > 0) {
                higherLags = true;
                break;
            }
        }
        if (!higherLags || lag[lane] <= 0) {
            // no higher lane waits, or nothing waits here (fetch to see new arrivals): not starving
            lastServedNanos[lane] = nowNanos;
            return true;
        }
        if (nowNanos - lastServedNanos[lane] >= maxWaitNanos[lane]) {
            lastServedNanos[lane] = nowNanos;   // its bounded share: one poll, then held back again
            grants[lane]++;
            return true;
        }
        return false;
    }

    /** How often a held-back lane was let through because it reached its max wait. */
    long starvationGrants(Priority lane) {
        return grants[lane.ordinal()];
    }
}
