package io.tributary.runtime.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.tributary.api.Envelope;
import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.runtime.bus.BusConfig;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.exec.ExecutorConfig;
import io.tributary.runtime.exec.LaneStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact metric values after known traffic through a real {@link LocalMessageBus}. */
@Timeout(60)
class BusMetricsTest {
    private LocalMessageBus bus;

    @AfterEach
    void close() {
        if (bus != null) {
            bus.close();
        }
    }

    private static ExecutorConfig.Builder oneWorker() {
        return ExecutorConfig.builder().fixedWorkers(1).idleSpins(10).idleYields(2);
    }

    private static TributaryMetrics fresh() {
        return TributaryMetrics.builder().laneStatsTtl(Duration.ZERO).build();
    }

    private static long count(MetricRegistry registry, String name) {
        Counter c = registry.getCounters().get(name);
        if (c == null) {
            throw new AssertionError("no counter " + name + " in " + registry.getNames());
        }
        return c.getCount();
    }

    private static long gauge(MetricRegistry registry, String name) {
        Gauge<?> g = registry.getGauges().get(name);
        if (g == null) {
            throw new AssertionError("no gauge " + name + " in " + registry.getNames());
        }
        return ((Number) g.getValue()).longValue();
    }

    @Test
    void laneAndNodeCountsMatchTheTrafficSent() {
        bus = new LocalMessageBus(BusConfig.builder().executor(oneWorker().build()).build());
        TributaryMetrics metrics = fresh();
        metrics.bind(bus);
        NodeMetrics node = metrics.node("desk", "pricer");
        AtomicInteger handled = new AtomicInteger();
        bus.subscribe("data.quotes.**", (Envelope<Integer> m) -> {
            node.in();
            if (m.payload() % 40 == 0) {
                node.error();
                throw new IllegalStateException("bad quote " + m.payload());
            }
            node.out();
            node.latency(m.payload() * 1_000L);
            handled.incrementAndGet();
        }, SubscribeOptions.pooled().lane(Priority.NORMAL));

        int sent = 200;
        for (int i = 1; i <= sent; i++) {
            assertTrue(bus.publish("data.quotes.BINANCE.BTCUSDT", i % 7, i, Priority.NORMAL));
        }
        Await.until(() -> bus.executor().laneStats(Priority.NORMAL).delivered() == sent,
                () -> bus.executor().laneStats(Priority.NORMAL).toString());
        // the dead letters of the 5 failures are published on HIGH with no subscriber: nothing to wait for

        MetricRegistry r = metrics.registry();
        assertEquals(sent, count(r, "tributary.lane.normal.enqueued"));
        assertEquals(sent, count(r, "tributary.lane.normal.delivered"));
        assertEquals(0, count(r, "tributary.lane.normal.dropped"));
        assertEquals(0, count(r, "tributary.lane.normal.rejected"));
        assertEquals(0, gauge(r, "tributary.lane.normal.depth"));
        assertEquals(0, count(r, "tributary.lane.critical.enqueued"));

        Meter in = r.getMeters().get("tributary.desk.pricer.in");
        Meter out = r.getMeters().get("tributary.desk.pricer.out");
        Meter errors = r.getMeters().get("tributary.desk.pricer.errors");
        Histogram latency = r.getHistograms().get("tributary.desk.pricer.latency");
        assertEquals(sent, in.getCount());
        assertEquals(195, out.getCount());
        assertEquals(5, errors.getCount());
        assertEquals(195, latency.getCount());
        assertEquals(195, handled.get());
        // latencies were 1..200 µs without the multiples of 40; HdrHistogram keeps 2 significant digits
        long max = latency.getSnapshot().getMax();
        assertTrue(max >= 199_000 * 0.99 && max <= 199_000 * 1.01, "max latency " + max);

        assertEquals(5, count(r, MetricNames.HANDLER_ERRORS));
        assertEquals(5, count(r, MetricNames.DEAD_LETTERS));
        assertEquals(1, gauge(r, MetricNames.SUBSCRIPTIONS));
        assertEquals(1, gauge(r, MetricNames.WORKERS));
    }

    @Test
    void dropsOnAFullDropOldestLaneAreCountedExactly() throws Exception {
        bus = new LocalMessageBus(BusConfig.builder().executor(oneWorker()
                .laneCapacity(Priority.LOW, 4).overflowPolicy(Priority.LOW, OverflowPolicy.DROP_OLDEST).build()).build());
        TributaryMetrics metrics = fresh();
        metrics.bind(bus);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger received = new AtomicInteger();
        bus.subscribe("ui.quotes", (Envelope<Integer> m) -> {
            if (m.payload() == 0) {
                entered.countDown();
                release.await();
            }
            received.incrementAndGet();
        }, SubscribeOptions.pooled().lane(Priority.LOW));

        bus.publish("ui.quotes", null, 0, Priority.LOW);
        assertTrue(entered.await(15, TimeUnit.SECONDS), "the worker never took the first message");
        int sent = 1 + 50;
        for (int i = 1; i < sent; i++) {
            assertTrue(bus.publish("ui.quotes", null, i, Priority.LOW), "DROP_OLDEST always accepts");
        }
        release.countDown();
        Await.until(() -> {
            LaneStats s = bus.executor().laneStats(Priority.LOW);
            return s.depth() == 0 && s.delivered() + s.dropped() == sent;
        }, () -> bus.executor().laneStats(Priority.LOW).toString());

        MetricRegistry r = metrics.registry();
        long dropped = count(r, "tributary.lane.low.dropped");
        assertEquals(sent, count(r, "tributary.lane.low.enqueued"));
        assertEquals(received.get(), count(r, "tributary.lane.low.delivered"));
        assertEquals(sent - received.get(), dropped);
        assertTrue(dropped >= sent - 1 - 4 - 1, "a ring of 4 behind one held message keeps at most 5 of 51; dropped " + dropped);
        assertEquals(0, gauge(r, "tributary.lane.low.depth"));
        assertTrue(gauge(r, "tributary.lane.low.wait.max") > 0, "the held message waited");
    }

    @Test
    void derivedCountersAreReadOnlyAndBindingTwiceFails() {
        bus = new LocalMessageBus(BusConfig.builder().executor(oneWorker().build()).build());
        TributaryMetrics metrics = fresh();
        metrics.bind(bus);
        Counter enqueued = metrics.registry().getCounters().get("tributary.lane.high.enqueued");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, enqueued::inc);
        assertTrue(e.getMessage().contains("tributary.lane.high.enqueued"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> metrics.bind(bus));
        assertSame(bus.executor(), metrics.executor());
        assertEquals(5_000_000L, gauge(metrics.registry(), "tributary.lane.high.wait.bound"));
        assertTrue(metrics.registry().getGauges().get("tributary.lane.critical.wait.bound") == null,
                "CRITICAL has no wait bound");
    }
}
