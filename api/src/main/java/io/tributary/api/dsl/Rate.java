package io.tributary.api.dsl;

import java.time.Duration;
import java.util.Objects;

/**
 * A message rate for {@link Stream#throttle}: {@code permits} per {@code period}, with bursts of up
 * to {@code burst} messages after a quiet spell.
 */
public final class Rate {
    private final long permits;
    private final Duration period;
    private final int burst;

    private Rate(long permits, Duration period, int burst) {
        this.permits = permits;
        this.period = period;
        this.burst = burst;
    }

    /** @throws IllegalArgumentException unless {@code permits > 0} and {@code period > 0} */
    public static Rate of(long permits, Duration period) {
        Objects.requireNonNull(period, "period");
        if (permits <= 0) {
            throw new IllegalArgumentException("rate permits must be > 0, was " + permits);
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("rate period must be > 0, was " + period);
        }
        return new Rate(permits, period, 1);
    }

    public static Rate perSecond(long permits) {
        return of(permits, Duration.ofSeconds(1));
    }

    /** @throws IllegalArgumentException unless {@code burst >= 1} */
    public Rate withBurst(int burst) {
        if (burst < 1) {
            throw new IllegalArgumentException("rate burst must be >= 1, was " + burst);
        }
        return new Rate(permits, period, burst);
    }

    public long permits() {
        return permits;
    }

    public Duration period() {
        return period;
    }

    public int burst() {
        return burst;
    }

    /** Nanoseconds between two permits at the steady rate (at least 1). */
    public long intervalNanos() {
        return Math.max(1, period.toNanos() / permits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rate r && r.permits == permits && r.period.equals(period) && r.burst == burst;
    }

    @Override
    public int hashCode() {
        return Objects.hash(permits, period, burst);
    }

    /** {@code 10/1s} or {@code 10/1s burst 5}. */
    @Override
    public String toString() {
        return permits + "/" + io.tributary.api.dsl.internal.Durations.format(period)
                + (burst > 1 ? " burst " + burst : "");
    }
}
