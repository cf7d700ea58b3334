package io.tributary.runtime.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which number of a metric an {@link AlertRule} looks at. Durations (latency, lane waits) are in
 * nanoseconds, rates per second.
 */
public enum AlertStat {
    /** A gauge's value (booleans as 1/0); the count of a counter, meter, histogram or timer. */
    VALUE,
    /** The count of a counter, meter, histogram or timer. */
    COUNT,
    /**
     * Change of {@link #VALUE} per second since the previous evaluation: {@code rate > 0} on a counter
     * means "it moved since the last look". No value on the first evaluation.
     */
    RATE,
    /** A meter's or timer's one-minute exponentially weighted rate. */
    M1_RATE,
    /** Median of a histogram or timer. */
    P50,
    /** 99th percentile of a histogram or timer. */
    P99,
    /** 99.9th percentile of a histogram or timer. */
    P999,
    /** Largest value of a histogram or timer. */
    MAX,
    /** Mean of a histogram or timer. */
    MEAN;

    /** Lower-case name as written in configuration ({@code value}, {@code rate}, {@code p99}…). */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException listing the accepted names */
    public static AlertStat parse(String text) {
        for (AlertStat s : values()) {
            if (s.configName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("expected one of " + accepted() + ", was '" + text + "'");
    }

    static String accepted() {
        return Arrays.stream(values()).map(AlertStat::configName).collect(Collectors.joining(", "));
    }
}
