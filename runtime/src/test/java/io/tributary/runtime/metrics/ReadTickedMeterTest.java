package io.tributary.runtime.metrics;

import com.codahale.metrics.Clock;
import com.codahale.metrics.Meter;
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
}
