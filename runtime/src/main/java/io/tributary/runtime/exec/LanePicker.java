package io.tributary.runtime.exec;

/**
 * Chooses which of a worker's lanes gets the next batch. Worker-thread only.
 *
 * <ol>
 *   <li>An <em>overdue</em> lane (HIGH, NORMAL or LOW whose oldest message has waited longer than
 *       the lane's max wait) goes first, even before CRITICAL; among several, the earliest deadline.
 *       So that an overloaded lower lane cannot starve CRITICAL in turn, an overdue batch is never
 *       followed by another overdue batch while CRITICAL has messages: under overload CRITICAL and
 *       overdue lanes alternate.</li>
 *   <li>Otherwise CRITICAL, whenever it has a message.</li>
 *   <li>Otherwise HIGH, NORMAL and LOW by weighted round robin ({@link WeightedSchedule}), skipping
 *       empty lanes. Such a batch yields as soon as CRITICAL gets a message
 *       ({@link #lastPickYieldsToCritical()}).</li>
 * </ol>
 */
final class LanePicker {
    private static final int CRITICAL = 0;

    private final LaneRing[] rings;
    private final long[] maxWaitNanos;
    private final int[] schedule;
    private int cursor;
    private boolean overdueServedLast;
    private boolean weightedPick;

    LanePicker(LaneRing[] rings, ExecutorConfig config) {
        this.rings = rings;
        this.maxWaitNanos = new long[rings.length];
        for (int lane = 0; lane < rings.length; lane++) {
            maxWaitNanos[lane] = config.maxWaitNanos(lane);
        }
        this.schedule = WeightedSchedule.of(config.weight(io.tributary.api.Priority.HIGH),
                config.weight(io.tributary.api.Priority.NORMAL), config.weight(io.tributary.api.Priority.LOW));
    }

    /** The lane ordinal to drain next, or -1 if all lanes look empty. */
    int next(long nowNanos) {
        boolean criticalWaiting = rings[CRITICAL].hasMessage();
        if (!overdueServedLast || !criticalWaiting) {
            int overdue = mostOverdue(nowNanos);
            if (overdue > 0) {
                overdueServedLast = true;
                weightedPick = false;
                return overdue;
            }
        }
        overdueServedLast = false;
        if (criticalWaiting) {
            weightedPick = false;
            return CRITICAL;
        }
        for (int i = 0; i < schedule.length; i++) {
            int lane = schedule[cursor];
            if (++cursor == schedule.length) {
                cursor = 0;
            }
            if (rings[lane].hasMessage()) {
                weightedPick = true;
                return lane;
            }
        }
        return -1;
    }

    /** True if the last pick was a weighted-round-robin turn, which ends early when CRITICAL has work. */
    boolean lastPickYieldsToCritical() {
        return weightedPick;
    }

    private int mostOverdue(long nowNanos) {
        int best = -1;
        long bestDeadline = Long.MAX_VALUE;
        for (int lane = 1; lane < rings.length; lane++) {
            long enqueued = rings[lane].oldestEnqueueNanos();
            if (enqueued == LaneRing.NO_MESSAGE) {
                continue;
            }
            long deadline = enqueued + maxWaitNanos[lane];
            if (nowNanos - deadline > 0 && deadline < bestDeadline) {
                best = lane;
                bestDeadline = deadline;
            }
        }
        return best;
    }
}
