package io.tributary.api.dsl.internal;

import java.time.Duration;

/** Short, stable duration text for descriptions: {@code 1s}, {@code 200ms}, {@code 5m}. */
public final class Durations {
    private static final long[] UNITS = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
    private static final String[] SUFFIXES = {"h", "m", "s", "ms", "us", "ns"};

    private Durations() {
    }

    public static String format(Duration duration) {
        return format(duration.toNanos());
    }

    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        for (int i = 0; i < UNITS.length; i++) {
            if (nanos % UNITS[i] == 0) {
                return nanos / UNITS[i] + SUFFIXES[i];
            }
        }
        throw new AssertionError("unreachable: every duration is a whole number of nanoseconds");
    }
}
