package io.tributary.runtime.metrics;

import com.codahale.metrics.Clock;
import com.codahale.metrics.Meter;
import io.tributary.runtime.bus.DeliveryCounts;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReadTickedMeterTest {

    static final class ManualClock extends Clock {
        long nanos = 1_000_000_000L;

        @Override
        public long getTick() {
            return nanos;
        }

        void advanceSeconds(long seconds) {
            nanos += TimeUnit.SECONDS.toNanos(seconds);
        }
    }

    @Test
    void ratesMatchDropwizardsMeterWhenReadEveryTick() {
        ManualClock clock = new ManualClock();
        ReadTickedMeter cheap = new ReadTickedMeter(clock);
        Meter reference = new Meter(clock);
        long[] marksPerInterval = {500, 0, 1200, 30, 0, 0, 7, 10_000};
        for (long marks : marksPerInterval) {
            cheap.mark(marks);
            reference.mark(marks);
            clock.advanceSeconds(5);
            assertEquals(reference.getCount(), cheap.getCount());
            assertEquals(reference.getOneMinuteRate(), cheap.getOneMinuteRate(), 1e-9);
            assertEquals(reference.getFiveMinuteRate(), cheap.getFiveMinuteRate(), 1e-9);
            assertEquals(reference.getFifteenMinuteRate(), cheap.getFifteenMinuteRate(), 1e-9);
            assertEquals(reference.getMeanRate(), cheap.getMeanRate(), 1e-9);
        }
    }

    @Test
    void firstTickRateIsWhatWasCountedOverTheInterval() {
        ManualClock clock = new ManualClock();
        ReadTickedMeter meter = new ReadTickedMeter(clock);
        for (int i = 0; i < 500; i++) {
            meter.mark();
        }
        clock.advanceSeconds(5);
        assertEquals(0.0, meter.getOneMinuteRate(), "like Dropwizard: no tick until more than 5 s passed");
        clock.nanos += 1;
        assertEquals(100.0, meter.getOneMinuteRate(), 1e-9, "500 events over the first 5 s interval");
        assertEquals(500, meter.getCount());
    }

    @Test
    void tallyViewsAddToAndReadTheirOwnCount() {
        DeliveryCounts counts = new DeliveryCounts();
        Tally.in(counts).add(4);
        Tally.out(counts).add(3);
        Tally.errors(counts).add(1);
        assertEquals(4, Tally.in(counts).sum());
        assertEquals(3, Tally.out(counts).sum());
        assertEquals(1, Tally.errors(counts).sum());
        assertEquals("in=4 out=3 errors=1", counts.toString());
        ReadTickedMeter meter = new ReadTickedMeter(new ManualClock(), Tally.out(counts));
        meter.mark(2);
        assertEquals(5, counts.out(), "a meter over a tally adds to the counts it reads");
    }
}
