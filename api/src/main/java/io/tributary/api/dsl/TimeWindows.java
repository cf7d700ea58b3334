package io.tributary.api.dsl;

import io.tributary.api.dsl.internal.Durations;

import java.time.Duration;
import java.util.Objects;

/**
 * Event-time windows aligned to the epoch: tumbling (back to back) or sliding (of {@code size},
 * starting every {@code advance}). A window closes once stream time passes its end plus the grace
 * period; events that arrive for a closed window are late (counted, then dropped or sent to the
 * late topic).
 */
public final class TimeWindows {
    private final Duration size;
    private final Duration advance;
    private final Duration grace;

    private TimeWindows(Duration size, Duration advance, Duration grace) {
        this.size = size;
        this.advance = advance;
        this.grace = grace;
    }

    public static TimeWindows tumbling(Duration size) {
        requirePositive("window size", size);
        return new TimeWindows(size, size, Duration.ZERO);
    }

    /** @throws IllegalArgumentException unless {@code 0 < advance <= size} */
    public static TimeWindows sliding(Duration size, Duration advance) {
        requirePositive("window size", size);
        requirePositive("window advance", advance);
        if (advance.compareTo(size) > 0) {
            throw new IllegalArgumentException("window advance " + Durations.format(advance)
                    + " must not exceed the window size " + Durations.format(size));
        }
        return new TimeWindows(size, advance, Duration.ZERO);
    }

    /** How long after a window's end late events are still accepted (default zero). */
    public TimeWindows grace(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("window grace must be >= 0, was " + grace);
        }
        return new TimeWindows(size, advance, grace);
    }

    public Duration size() {
        return size;
    }

    public Duration advance() {
        return advance;
    }

    public Duration grace() {
        return grace;
    }

    public boolean isTumbling() {
        return size.equals(advance);
    }

    private static void requirePositive(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be > 0, was " + d);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindows w && w.size.equals(size) && w.advance.equals(advance) && w.grace.equals(grace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, advance, grace);
    }

    /** {@code tumbling 1s} or {@code sliding 10s every 1s}. */
    @Override
    public String toString() {
        return isTumbling() ? "tumbling " + Durations.format(size)
                : "sliding " + Durations.format(size) + " every " + Durations.format(advance);
    }
}
