package io.tributary.bench.inproc;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import io.tributary.api.Envelope;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.TopicHandle;
import io.tributary.runtime.bus.LocalMessageBus;
import org.HdrHistogram.Histogram;

import java.util.concurrent.atomic.AtomicLong;

/**
 * W4: latency at a fixed offered rate, corrected for coordinated omission: the i-th message is due
 * at {@code start + i × interval}, and its latency is measured from that due time, not from when the
 * (possibly late) producer actually sent it. One producer, one spinning consumer.
 */
final class LatencyWorkload {
    private static final Object PAYLOAD = new byte[64];

    private LatencyWorkload() {
    }

    /** Records due-time → delivery for every message, on the consumer thread. */
    static final class Recorder {
        final Histogram histogram = new Histogram(60_000_000_000L, 3);
        final AtomicLong seen = new AtomicLong();
        private long start;
        private long interval;
        private long count;

        void arm(long start, long interval) {
            this.start = start;
            this.interval = interval;
        }

        void onMessage() {
            long due = start + count * interval;
            histogram.recordValue(Math.max(0, System.nanoTime() - due));
            seen.lazySet(++count);
        }
    }

    /**
     * Tributary, CRITICAL lane, POOLED delivery on one spinning worker. With {@code floodLow}, the
     * producer fills the LOW lane (DROP_OLDEST) with every spare moment between CRITICAL sends.
     */
    static Histogram tributary(long rate, long durationNanos, boolean floodLow) {
        Recorder recorder = new Recorder();
        try (LocalMessageBus bus = BenchBuses.singleSpinningWorker()) {
            bus.subscribe("bench.latency.critical", (Envelope<Object> m) -> recorder.onMessage(),
                    SubscribeOptions.pooled().lane(Priority.CRITICAL));
            AtomicLong lowSeen = new AtomicLong();
            bus.subscribe("bench.latency.low", (Envelope<Object> m) -> lowSeen.lazySet(lowSeen.get() + 1),
                    SubscribeOptions.pooled().lane(Priority.LOW));
            TopicHandle critical = bus.topic("bench.latency.critical");
            TopicHandle low = bus.topic("bench.latency.low");
            Runnable idle = floodLow ? () -> low.publish(null, PAYLOAD, Priority.LOW) : Thread::onSpinWait;
            pace(rate, durationNanos, recorder, () -> critical.publish(null, PAYLOAD, Priority.CRITICAL), idle);
            if (floodLow && lowSeen.get() == 0) {
                throw new IllegalStateException("LOW flood was never served: the lane starved");
            }
        }
        return recorder.histogram;
    }

    /** The same paced load through a Disruptor with a busy-spin consumer. */
    static Histogram disruptor(long rate, long durationNanos) {
        Recorder recorder = new Recorder();
        Disruptor<ThroughputWorkload.Slot> disruptor = new Disruptor<>(ThroughputWorkload.Slot::new,
                ThroughputWorkload.CAPACITY, DaemonThreadFactory.INSTANCE, ProducerType.SINGLE,
                new BusySpinWaitStrategy());
        disruptor.handleEventsWith((slot, sequence, endOfBatch) -> recorder.onMessage());
        RingBuffer<ThroughputWorkload.Slot> ring = disruptor.start();
        try {
            pace(rate, durationNanos, recorder, () -> {
                long sequence = ring.next();
                ring.get(sequence).payload = PAYLOAD;
                ring.publish(sequence);
            }, Thread::onSpinWait);
        } finally {
            disruptor.halt();
        }
        return recorder.histogram;
    }

    private static void pace(long rate, long durationNanos, Recorder recorder, Runnable send, Runnable idle) {
        long interval = 1_000_000_000L / rate;
        long messages = durationNanos / interval;
        long start = System.nanoTime() + 1_000_000; // let the consumer see arm() first
        recorder.arm(start, interval);
        for (long i = 0; i < messages; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                idle.run();
            }
            send.run();
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (recorder.seen.get() < messages) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("consumer saw " + recorder.seen.get() + " of " + messages);
            }
            Thread.onSpinWait();
        }
    }
}
