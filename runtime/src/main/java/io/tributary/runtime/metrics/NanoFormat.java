package io.tributary.runtime.metrics;

import java.util.Locale;

/** Short human forms of durations and rates for messages and progress lines. */
public final class NanoFormat {
    private NanoFormat() {
    }

    /** {@code 850ns}, {@code 35us}, {@code 2.1ms}, {@code 1.20s}. */
    public static String nanos(long nanos) {
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

    /** {@code 950}, {@code 12.3k}, {@code 1.05M}. */
    public static String count(double value) {
        if (value >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", value / 1e6);
        }
        if (value >= 1e4) {
            return String.format(Locale.ROOT, "%.1fk", value / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }

    /** A number for alert messages: integers without a fraction, others with up to 3 decimals. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
