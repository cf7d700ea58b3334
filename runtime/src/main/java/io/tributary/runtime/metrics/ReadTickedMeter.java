package io.tributary.runtime.metrics;

import com.codahale.metrics.Clock;
import com.codahale.metrics.EWMA;
import com.codahale.metrics.Meter;
import io.tributary.runtime.bus.DeliveryCounts;

import java.util.concurrent.TimeUnit;

/**
 * A {@link Meter} whose {@link #mark()} is one add to a {@link Tally} (for node meters, one of the
 * node's {@link DeliveryCounts}: a plain store for the thread that counts first, a {@code LongAdder}
 * increment for others). Dropwizard's own meter
 * reads the clock and updates four adders on every mark (about 40 ns here, twice the whole inline
 * publish→dispatch); this one moves its moving averages forward when somebody reads a rate — a
 * reporter, a scrape, the progress line — attributing everything counted since the previous tick
 * to the first elapsed 5-second interval. Rates read at least every few seconds match Dropwizard's.
 */
final class ReadTickedMeter extends Meter {
    private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Tally count;
    private final Clock clock;
    private final long startNanos;
    private final EWMA m1 = EWMA.oneMinuteEWMA();
    private final EWMA m5 = EWMA.fiveMinuteEWMA();
    private final EWMA m15 = EWMA.fifteenMinuteEWMA();
    /** Guarded by this: only readers tick. */
    private long lastTickNanos;
    private long countAtLastTick;

    /** A meter with a count of its own. */
    ReadTickedMeter(Clock clock) {
        this(clock, Tally.in(new DeliveryCounts()));
    }

    /** A meter reading and adding to {@code count}, which others may add to directly. */
    ReadTickedMeter(Clock clock, Tally count) {
        this.count = count;
        this.clock = clock;
        this.startNanos = clock.getTick();
        this.lastTickNanos = startNanos;
    }

    @Override
    public void mark() {
        count.add(1L);
    }

    @Override
    public void mark(long n) {
        count.add(n);
    }

    @Override
    public long getCount() {
        return count.sum();
    }

    @Override
    public double getMeanRate() {
        long count = getCount();
        if (count == 0) {
            return 0.0;
        }
        double elapsed = clock.getTick() - startNanos;
        return count / elapsed * TimeUnit.SECONDS.toNanos(1);
    }

    @Override
    public double getOneMinuteRate() {
        tickIfNecessary();
        return m1.getRate(TimeUnit.SECONDS);
    }

    @Override
    public double getFiveMinuteRate() {
        tickIfNecessary();
        return m5.getRate(TimeUnit.SECONDS);
    }

    @Override
    public double getFifteenMinuteRate() {
        tickIfNecessary();
        return m15.getRate(TimeUnit.SECONDS);
    }

    /** Dropwizard's rule: tick only past a whole interval, realigning the interval start. */
    private synchronized void tickIfNecessary() {
        long now = clock.getTick();
        long age = now - lastTickNanos;
        if (age <= TICK_NANOS) {
            return;
        }
        lastTickNanos = now - age % TICK_NANOS;
        long total = count.sum();
        long delta = total - countAtLastTick;
        countAtLastTick = total;
        m1.update(delta);
        m5.update(delta);
        m15.update(delta);
        for (long i = age / TICK_NANOS; i > 0; i--) {
            m1.tick();
            m5.tick();
            m15.tick();
        }
    }
}
