package io.tributary.bench.inproc;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import io.tributary.api.Envelope;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.TopicHandle;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.metrics.MeteredHandler;
import io.tributary.runtime.metrics.TributaryMetrics;
import org.jctools.queues.MpscArrayQueue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * W3: cross-thread throughput, P producers and one consumer, each peer moving the same preallocated
 * payload reference. One call = one timed run; the suite repeats runs and keeps the median.
 */
final class ThroughputWorkload {
    static final int CAPACITY = 1 << 16;
    /** How often the timing thread looks at the consumer's count: small against a run of tens of ms. */
    private static final long POLL_NANOS = 20_000;
    private static final Object PAYLOAD = new byte[64];
    private static final Priority[] FOUR_LANES = {Priority.CRITICAL, Priority.HIGH, Priority.NORMAL, Priority.LOW};

    private ThroughputWorkload() {
    }

    /** Tributary: publish through a topic handle into POOLED delivery on one worker, metrics off. */
    static double tributary(int producers, long messages, boolean fourLanes) throws InterruptedException {
        return tributary(producers, messages, fourLanes, false);
    }

    /**
     * With {@code metered}, the run differs only in its metrics binding: a {@link TributaryMetrics}
     * bound to the bus (lane, worker and bus metrics), the consumer wrapped in {@link MeteredHandler}
     * as a compiled plan's stage is (in, out, errors, sampled latency), and a {@link RegistryPoller}
     * reading everything each second. Without, no metrics object exists at all.
     */
    static double tributary(int producers, long messages, boolean fourLanes, boolean metered)
            throws InterruptedException {
        AtomicLong received = new AtomicLong();
        TributaryMetrics metrics = metered ? TributaryMetrics.create() : null;
        RegistryPoller poller = null;
        try (LocalMessageBus bus = BenchBuses.singleSpinningWorkerNoDrops()) {
            MessageHandler<Object> consumer = (Envelope<Object> m) -> received.lazySet(received.get() + 1);
            if (metered) {
                metrics.bind(bus);
                consumer = MeteredHandler.wrap(consumer, metrics.node("w3", "consumer"), metrics.clock());
                poller = new RegistryPoller(metrics.registry());
            }
            bus.subscribe("bench.throughput", consumer, SubscribeOptions.pooled());
            TopicHandle handle = bus.topic("bench.throughput");
            double rate = timed(producers, messages, received, perProducer -> {
                if (fourLanes) {
                    for (long i = 0; i < perProducer; i++) {
                        handle.publish(null, PAYLOAD, FOUR_LANES[(int) (i & 3)]);
                    }
                } else {
                    for (long i = 0; i < perProducer; i++) {
                        handle.publish(null, PAYLOAD, Priority.NORMAL);
                    }
                }
            });
            if (metered) {
                checkMetered(metrics, received.get());
            }
            return rate;
        } finally {
            if (poller != null) {
                poller.close();
            }
            if (metrics != null) {
                metrics.close();
            }
        }
    }

    /** A "metrics on" run that counted nothing would look free: the consumer's meter must match. */
    private static void checkMetered(TributaryMetrics metrics, long received) {
        long in = metrics.registry().meter("tributary.w3.consumer.in").getCount();
        if (in != received) {
            throw new IllegalStateException("tributary.w3.consumer.in counted " + in + " of " + received + " messages");
        }
    }

    /** LMAX Disruptor 4, busy-spin consumer, single- or multi-producer sequencer as appropriate. */
    static double disruptor(int producers, long messages) throws InterruptedException {
        AtomicLong received = new AtomicLong();
        Disruptor<Slot> disruptor = new Disruptor<>(Slot::new, CAPACITY, DaemonThreadFactory.INSTANCE,
                producers == 1 ? ProducerType.SINGLE : ProducerType.MULTI, new BusySpinWaitStrategy());
        long[] count = new long[1];
        disruptor.handleEventsWith((slot, sequence, endOfBatch) -> {
            count[0]++;
            if (endOfBatch) {
                received.lazySet(count[0]);
            }
        });
        RingBuffer<Slot> ring = disruptor.start();
        try {
            return timed(producers, messages, received, perProducer -> {
                for (long i = 0; i < perProducer; i++) {
                    long sequence = ring.next();
                    ring.get(sequence).payload = PAYLOAD;
                    ring.publish(sequence);
                }
            });
        } finally {
            disruptor.halt();
        }
    }

    /** JCTools MPSC array queue, consumer busy-spinning with batch drain. */
    static double jctools(int producers, long messages) throws InterruptedException {
        AtomicLong received = new AtomicLong();
        MpscArrayQueue<Object> queue = new MpscArrayQueue<>(CAPACITY);
        Thread consumer = daemon("jctools-consumer", () -> {
            long count = 0;
            while (!Thread.currentThread().isInterrupted()) {
                int drained = queue.drain(e -> { }, 256);
                if (drained == 0) {
                    Thread.onSpinWait();
                } else {
                    count += drained;
                    received.lazySet(count);
                }
            }
        });
        try {
            return timed(producers, messages, received, perProducer -> {
                for (long i = 0; i < perProducer; i++) {
                    while (!queue.offer(PAYLOAD)) {
                        Thread.onSpinWait();
                    }
                }
            });
        } finally {
            consumer.interrupt();
        }
    }

    /** java.util.concurrent.ArrayBlockingQueue, put/take. */
    static double arrayBlockingQueue(int producers, long messages) throws InterruptedException {
        AtomicLong received = new AtomicLong();
        ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
        Thread consumer = daemon("abq-consumer", () -> {
            long count = 0;
            try {
                while (true) {
                    queue.take();
                    received.lazySet(++count);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            return timed(producers, messages, received, perProducer -> {
                try {
                    for (long i = 0; i < perProducer; i++) {
                        queue.put(PAYLOAD);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } finally {
            consumer.interrupt();
        }
    }

    interface ProducerLoop {
        void run(long messages);
    }

    /** Starts the producers together, waits until the consumer has seen every message, returns msg/s. */
    private static double timed(int producers, long messages, AtomicLong received, ProducerLoop loop)
            throws InterruptedException {
        long perProducer = messages / producers;
        long total = perProducer * producers;
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[producers];
        for (int p = 0; p < producers; p++) {
            threads[p] = daemon("producer-" + p, () -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                loop.run(perProducer);
            });
        }
        long began = System.nanoTime();
        start.countDown();
        // poll, don't spin: a spinning reader would steal one of the cores the producers and the
        // consumer need, and pull the counter's line away from a consumer that bumps it per message
        while (received.get() < total) {
            LockSupport.parkNanos(POLL_NANOS);
        }
        long elapsed = System.nanoTime() - began;
        for (Thread thread : threads) {
            thread.join();
        }
        return total * 1e9 / elapsed;
    }

    static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static final class Slot {
        Object payload;
    }
}
