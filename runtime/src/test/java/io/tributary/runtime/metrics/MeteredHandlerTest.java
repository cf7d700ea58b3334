package io.tributary.runtime.metrics;

import com.codahale.metrics.MetricRegistry;
import io.tributary.api.EpochClock;
import io.tributary.api.Headers;
import io.tributary.api.Message;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeteredHandlerTest {

    private static Message<Object> message(long id, long publishTimeNanos) {
        return new Message<>(id, "t", null, id, Priority.NORMAL, publishTimeNanos, Headers.EMPTY);
    }

    @Test
    void metricsOffLeavesTheHandlerAsItIs() {
        MessageHandler<Object> handler = m -> { };
        assertSame(handler, MeteredHandler.wrap(handler, NodeMetrics.NOOP, EpochClock.SYSTEM));
        TributaryMetrics off = TributaryMetrics.builder().nodeMetrics(false).build();
        assertSame(handler, MeteredHandler.wrap(handler, off.node("desk", "stage"), off.clock()));
    }

    @Test
    void countsInOutAndErrorsExactlyAndRethrows() throws Exception {
        TributaryMetrics metrics = TributaryMetrics.create();
        AtomicInteger handled = new AtomicInteger();
        MessageHandler<Object> handler = MeteredHandler.wrap(m -> {
            if (m.id() % 4 == 0) {
                throw new IllegalStateException("message " + m.id());
            }
            handled.incrementAndGet();
        }, metrics.node("desk", "stage"), metrics.clock());
        int thrown = 0;
        for (long id = 1; id <= 1_000; id++) {
            try {
                handler.onMessage(message(id, 0));
            } catch (IllegalStateException e) {
                assertEquals("message " + id, e.getMessage());
                thrown++;
            }
        }
        MetricRegistry r = metrics.registry();
        assertEquals(250, thrown);
        assertEquals(1_000, r.meter("tributary.desk.stage.in").getCount());
        assertEquals(750, r.meter("tributary.desk.stage.out").getCount());
        assertEquals(250, r.meter("tributary.desk.stage.errors").getCount());
        assertEquals(750, handled.get());
    }

    @Test
    void recordsPublishToNodeLatencyOfSampledMessages() throws Exception {
        ManualClock clock = new ManualClock();
        TributaryMetrics metrics = TributaryMetrics.builder().clock(clock).build();
        MessageHandler<Object> handler = MeteredHandler.wrap(m -> { }, metrics.node("desk", "stage"), clock);
        for (long id = 1; id <= 50; id++) {
            handler.onMessage(message(id, clock.nowNanos() - 40_000)); // each waited 40 µs
            clock.advance(Duration.ofMillis(2)); // slow traffic: every message sampled
        }
        var latency = metrics.registry().histogram("tributary.desk.stage.latency");
        assertEquals(50, latency.getCount());
        assertTrue(Math.abs(latency.getSnapshot().getMedian() - 40_000) <= 400, "p50 " + latency.getSnapshot().getMedian());
    }

    @Test
    void exactWhenSeveralThreadsRunTheSameNode() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            TributaryMetrics metrics = TributaryMetrics.create();
            MessageHandler<Object> handler = MeteredHandler.wrap(m -> {
                if (m.id() % 5 == 0) {
                    throw new IllegalStateException("message " + m.id());
                }
            }, metrics.node("desk", "shared"), metrics.clock());
            int threads = 3;
            int perThread = 100_000;
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long firstId = (long) t * perThread;
                Thread worker = new Thread(() -> {
                    try {
                        start.await();
                        for (long id = firstId; id < firstId + perThread; id++) {
                            try {
                                handler.onMessage(message(id, 0));
                            } catch (IllegalStateException expected) {
                                // counted as an error
                            }
                        }
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
                worker.start();
                workers.add(worker);
            }
            start.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
            MetricRegistry r = metrics.registry();
            long total = (long) threads * perThread;
            assertEquals(total, r.meter("tributary.desk.shared.in").getCount());
            assertEquals(total / 5, r.meter("tributary.desk.shared.errors").getCount());
            assertEquals(total - total / 5, r.meter("tributary.desk.shared.out").getCount());
        });
    }

    @Test
    void aNodeMetricsOfAnotherMakingIsCountedThroughItsInterface() throws Exception {
        long[] calls = new long[4]; // in, out, error, latency
        NodeMetrics custom = new NodeMetrics() {
            @Override
            public void in() {
                calls[0]++;
            }

            @Override
            public void out() {
                calls[1]++;
            }

            @Override
            public void error() {
                calls[2]++;
            }

            @Override
            public void latency(long nanos) {
                calls[3]++;
            }
        };
        ManualClock clock = new ManualClock();
        MessageHandler<Object> handler = MeteredHandler.wrap(m -> {
            if (m.id() == 3) {
                throw new IllegalArgumentException("three");
            }
        }, custom, clock);
        for (long id = 1; id <= 4; id++) {
            try {
                handler.onMessage(message(id, clock.nowNanos()));
            } catch (IllegalArgumentException expected) {
                assertEquals("three", expected.getMessage());
            }
            clock.advance(Duration.ofMillis(2));
        }
        assertArrayEquals(new long[] {4, 3, 1, 4}, calls);
    }

    @Test
    void refusesNulls() {
        TributaryMetrics metrics = TributaryMetrics.create();
        NodeMetrics node = metrics.node("desk", "stage");
        assertThrows(NullPointerException.class, () -> MeteredHandler.wrap(null, node, EpochClock.SYSTEM));
        assertThrows(NullPointerException.class, () -> MeteredHandler.wrap(m -> { }, null, EpochClock.SYSTEM));
        assertThrows(NullPointerException.class, () -> MeteredHandler.wrap(m -> { }, node, null));
    }
}
