package io.tributary.runtime.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencySamplerTest {
    private static final long MS = 1_000_000;

    /** Feeds {@code count} messages with ids {@code first, first + idStride, ...}, {@code spacing} ns apart. */
    private static long feed(LatencySampler sampler, long first, long idStride, long count, long startNanos,
                             long spacing) {
        long samples = 0;
        for (long i = 0; i < count; i++) {
            if (sampler.sample(first + i * idStride)) {
                sampler.sampled(startNanos + i * spacing);
                samples++;
            }
        }
        return samples;
    }

    @Test
    void aSlowNodeHasEveryMessageSampled() {
        LatencySampler sampler = new LatencySampler();
        assertEquals(1_000, feed(sampler, 1, 1, 1_000, 0, MS));
        assertEquals(0, sampler.shift());
    }

    @Test
    void aBusyNodeIsSampledAboutOncePerTargetInterval() {
        LatencySampler sampler = new LatencySampler();
        // 20 M messages 5 ns apart: 100 ms of traffic at 200 M msg/s
        long samples = feed(sampler, 1, 1, 20_000_000, 0, 5);
        long atMostOnePerTarget = 100 * MS / LatencySampler.TARGET_INTERVAL_NANOS; // 400
        assertTrue(samples >= atMostOnePerTarget / (2 * LatencySampler.SLOW_FACTOR) && samples <= 2 * atMostOnePerTarget,
                "about one sample per 250 µs, 100 ms of traffic: " + samples);
        assertTrue(sampler.shift() >= 14, "a stride of tens of thousands at 200 M msg/s: 2^" + sampler.shift());
    }

    @Test
    void idsThatArriveInARegularStrideAreNotAliased() {
        for (long idStride : new long[] {2, 4, 1_024, 1L << 20}) {
            LatencySampler sampler = new LatencySampler();
            long samples = feed(sampler, 3, idStride, 20_000_000, 0, 5);
            assertTrue(samples >= 50 && samples <= 800, "ids " + idStride + " apart: " + samples + " samples");
        }
    }

    @Test
    void aNodeThatGoesQuietSamplesDenselyAgainAtItsNextSample() {
        LatencySampler sampler = new LatencySampler();
        feed(sampler, 1, 1, 20_000_000, 0, 5);
        int busyShift = sampler.shift();
        // now one message every 10 ms: the first sample after the burst resets the stride
        long start = 200 * MS;
        long id = 20_000_001;
        long messagesToFirstSample = 0;
        while (!sampler.sample(id)) {
            id++;
            messagesToFirstSample++;
        }
        sampler.sampled(start + messagesToFirstSample * 10 * MS);
        assertTrue(sampler.shift() == 0, "after " + messagesToFirstSample + " quiet messages the shift went from "
                + busyShift + " to " + sampler.shift());
        assertEquals(100, feed(sampler, id + 1, 1, 100, start + (messagesToFirstSample + 1) * 10 * MS, 10 * MS),
                "every quiet message sampled again");
    }

    @Test
    void theStrideNeverPassesItsBound() {
        LatencySampler sampler = new LatencySampler();
        for (int i = 0; i < 100; i++) {
            sampler.sampled(0); // samples with no time between them: as busy as can be
        }
        assertEquals(LatencySampler.MAX_SHIFT, sampler.shift());
        long sampled = 0;
        for (long id = 0; id < 1L << 26; id++) {
            if (sampler.sample(id)) {
                sampled++;
            }
        }
        assertTrue(sampled >= 2 && sampled <= 8, "2^26 ids at one in 2^24: " + sampled);
    }
}
