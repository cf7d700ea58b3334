package io.tributary.runtime.metrics;

import io.tributary.api.Priority;
import io.tributary.runtime.exec.LaneStats;
import io.tributary.runtime.exec.PriorityExecutor;

/**
 * Shares one {@link PriorityExecutor#laneStats} snapshot among the dozen lane metrics read in one
 * report or scrape: each snapshot harvests the workers' wait histograms, which is worth doing once,
 * not once per gauge. A snapshot older than the time-to-live is replaced on the next read; a ttl
 * of 0 reads fresh every time.
 */
final class LaneStatsCache {
    private final PriorityExecutor executor;
    private final long ttlNanos;
    private final Entry[] entries = new Entry[Priority.COUNT];

    private record Entry(LaneStats stats, long takenAt) {
    }

    LaneStatsCache(PriorityExecutor executor, long ttlNanos) {
        this.executor = executor;
        this.ttlNanos = ttlNanos;
    }

    LaneStats get(Priority lane) {
        int l = lane.ordinal();
        long now = System.nanoTime();
        synchronized (entries) {
            Entry e = entries[l];
            if (e == null || now - e.takenAt >= ttlNanos) {
                e = new Entry(executor.laneStats(lane), now);
                entries[l] = e;
            }
            return e.stats;
        }
    }

    PriorityExecutor executor() {
        return executor;
    }
}
