package io.tributary.bench.inproc;

import com.codahale.metrics.Counting;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Metered;
import com.codahale.metrics.MetricRegistry;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads every metric of a registry once per {@value #PERIOD_MILLIS} ms on its own thread, as a
 * reporter, a Prometheus scrape or the progress line would: metrics "on" in the overhead runs
 * means bound <em>and</em> read, so the readers' cache traffic on the counters the hot path writes
 * is part of the measured cost.
 */
final class RegistryPoller implements AutoCloseable {
    static final long PERIOD_MILLIS = 1_000;

    private final MetricRegistry registry;
    private final Thread thread;
    private volatile boolean stopped;
    /** Keeps the reads from being optimised away. */
    private volatile double sink;

    RegistryPoller(MetricRegistry registry) {
        this.registry = registry;
        this.thread = ThroughputWorkload.daemon("metrics-poller", this::loop);
    }

    private void loop() {
        while (!stopped) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
            if (!stopped) {
                sink = readAll();
            }
        }
    }

    /** One pass over the registry, as a reporter makes it; also the figure a probe can check. */
    double readAll() {
        double sum = 0;
        for (Counting c : registry.getCounters().values()) {
            sum += c.getCount();
        }
        for (Metered m : registry.getMeters().values()) {
            sum += m.getCount() + m.getOneMinuteRate();
        }
        for (Histogram h : registry.getHistograms().values()) {
            sum += h.getCount() + h.getSnapshot().get99thPercentile();
        }
        for (Gauge<?> g : registry.getGauges().values()) {
            Object v = g.getValue();
            if (v instanceof Number n) {
                sum += n.doubleValue();
            }
        }
        return sum;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        LockSupport.unpark(thread);
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
