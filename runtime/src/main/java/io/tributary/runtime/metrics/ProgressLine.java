package io.tributary.runtime.metrics;

import com.codahale.metrics.Counting;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import io.tributary.api.Priority;

import java.util.Locale;

/**
 * The live progress line of {@code tributary run}, read from the registry a bound
 * {@link TributaryMetrics} fills:
 * <pre>
 * [   12.0s] msg/s C 0 H 1.2k N 10.5k L 300 | p99 wait C 12us H 40us N 1.2ms L 3.0ms | dropped 0 conflated 5 rejected 0 | errors 0 | workers 2
 * </pre>
 * Rates are delivered messages per second since the previous line; p99 waits are since start (the
 * executor's); drops, conflations, rejections and handler errors are totals. Not thread-safe: one
 * printer thread calls {@link #next}.
 */
public final class ProgressLine {
    private static final Priority[] LANES = Priority.values();

    private final MetricRegistry registry;
    private final long startNanos;
    private final long[] previousDelivered = new long[Priority.COUNT];
    private long previousNanos;

    /** @param nowNanos start of the run, on the clock later passed to {@link #next} */
    public ProgressLine(MetricRegistry registry, long nowNanos) {
        this.registry = registry;
        this.startNanos = nowNanos;
        this.previousNanos = nowNanos;
        for (Priority lane : LANES) {
            previousDelivered[lane.ordinal()] = count(MetricNames.lane(lane, MetricNames.DELIVERED));
        }
    }

    /** The line for now; the next call measures rates from here. */
    public String next(long nowNanos) {
        double seconds = Math.max(1e-9, (nowNanos - previousNanos) / 1e9);
        StringBuilder rates = new StringBuilder();
        StringBuilder waits = new StringBuilder();
        long dropped = 0;
        long conflated = 0;
        long rejected = 0;
        for (Priority lane : LANES) {
            char initial = lane.name().charAt(0);
            long delivered = count(MetricNames.lane(lane, MetricNames.DELIVERED));
            rates.append(' ').append(initial).append(' ')
                    .append(NanoFormat.count((delivered - previousDelivered[lane.ordinal()]) / seconds));
            previousDelivered[lane.ordinal()] = delivered;
            waits.append(' ').append(initial).append(' ')
                    .append(NanoFormat.nanos((long) gauge(MetricNames.lane(lane, MetricNames.WAIT_P99))));
            dropped += count(MetricNames.lane(lane, MetricNames.DROPPED));
            conflated += count(MetricNames.lane(lane, MetricNames.CONFLATED));
            rejected += count(MetricNames.lane(lane, MetricNames.REJECTED));
        }
        previousNanos = nowNanos;
        return String.format(Locale.ROOT,
                "[%7.1fs] msg/s%s | p99 wait%s | dropped %d conflated %d rejected %d | errors %d | workers %d",
                (nowNanos - startNanos) / 1e9, rates, waits, dropped, conflated, rejected,
                count(MetricNames.HANDLER_ERRORS), (long) gauge(MetricNames.WORKERS));
    }

    private long count(String name) {
        Metric m = registry.getMetrics().get(name);
        return m instanceof Counting c ? c.getCount() : 0;
    }

    private double gauge(String name) {
        Metric m = registry.getMetrics().get(name);
        if (m instanceof Gauge<?> g && g.getValue() instanceof Number n) {
            return n.doubleValue();
        }
        return 0;
    }
}
