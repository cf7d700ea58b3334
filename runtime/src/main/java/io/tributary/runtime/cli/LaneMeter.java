package io.tributary.runtime.cli;

import io.tributary.api.Priority;
import io.tributary.runtime.exec.LaneStats;

import java.util.Locale;
import java.util.function.Function;

/**
 * Turns successive lane snapshots into the progress line of {@code run}: delivered msg/s per lane
 * since the last line, p99 wait per lane (since start), and drops, conflations and rejections.
 */
final class LaneMeter {
    private final Function<Priority, LaneStats> stats;
    private final LaneStats[] previous = new LaneStats[Priority.COUNT];
    private long previousNanos;

    LaneMeter(Function<Priority, LaneStats> stats, long nowNanos) {
        this.stats = stats;
        this.previousNanos = nowNanos;
        for (Priority lane : Priority.values()) {
            previous[lane.ordinal()] = stats.apply(lane);
        }
    }

    /** One progress line; the next call measures from here. */
    String progress(long nowNanos, long elapsedNanos, int workers) {
        LaneStats[] current = new LaneStats[Priority.COUNT];
        for (Priority lane : Priority.values()) {
            current[lane.ordinal()] = stats.apply(lane);
        }
        double seconds = Math.max(1e-9, (nowNanos - previousNanos) / 1e9);
        StringBuilder rates = new StringBuilder();
        StringBuilder waits = new StringBuilder();
        long dropped = 0;
        long conflated = 0;
        long rejected = 0;
        for (Priority lane : Priority.values()) {
            LaneStats now = current[lane.ordinal()];
            LaneStats before = previous[lane.ordinal()];
            rates.append(' ').append(lane).append(' ').append(count((now.delivered() - before.delivered()) / seconds));
            waits.append(' ').append(lane.name().charAt(0)).append(' ').append(nanos(now.p99WaitNanos()));
            dropped += now.dropped();
            conflated += now.conflated();
            rejected += now.rejected();
        }
        System.arraycopy(current, 0, previous, 0, current.length);
        previousNanos = nowNanos;
        return String.format(Locale.ROOT, "[%7.1fs] msg/s%s | p99 wait%s | dropped %d conflated %d rejected %d | workers %d",
                elapsedNanos / 1e9, rates, waits, dropped, conflated, rejected, workers);
    }

    /** {@code 950}, {@code 12.3k}, {@code 1.05M}. */
    static String count(double value) {
        if (value >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", value / 1e6);
        }
        if (value >= 1e4) {
            return String.format(Locale.ROOT, "%.1fk", value / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }

    /** {@code 850ns}, {@code 35us}, {@code 2.1ms}, {@code 1.20s}. */
    static String nanos(long nanos) {
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000) {
            return (nanos / 1_000) + "us";
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1fms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2fs", nanos / 1e9);
    }
}
