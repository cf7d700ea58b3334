package io.tributary.runtime.metrics;

import com.codahale.metrics.MetricRegistry;
import io.tributary.api.Envelope;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.TopicHandle;
import io.tributary.runtime.bus.BusConfig;
import io.tributary.runtime.bus.LocalMessageBus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link MeteredHandler} subscribed on a {@link LocalMessageBus}: the bus counts the owner's
 * deliveries itself around the inner handler, with the same exact counts, error handling and
 * latency sampling as the wrapper.
 */
class MeteredDeliveryOnBusTest {

    @Test
    void inlineDeliveriesAreCountedByTheBusAroundTheHandlerItself() {
        TributaryMetrics metrics = TributaryMetrics.create();
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger throughWrapper = new AtomicInteger();
        MessageHandler<Object> handler = MeteredHandler.wrap(m -> {
            if (Arrays.stream(new Throwable().getStackTrace())
                    .anyMatch(f -> f.getClassName().equals(MeteredHandler.class.getName()) && f.getMethodName().equals("onMessage"))) {
                throughWrapper.incrementAndGet();
            }
            if (calls.incrementAndGet() % 4 == 0) {
                throw new IllegalStateException("every fourth");
            }
        }, metrics.node("desk", "inline"), metrics.clock());
        try (LocalMessageBus bus = LocalMessageBus.withDefaults()) {
            bus.subscribe("quotes.in", handler, SubscribeOptions.inline());
            TopicHandle topic = bus.topic("quotes.in");
            for (int i = 0; i < 1_000; i++) {
                topic.publish(null, i, Priority.NORMAL);
            }
            MetricRegistry r = metrics.registry();
            assertEquals(1_000, r.meter("tributary.desk.inline.in").getCount());
            assertEquals(750, r.meter("tributary.desk.inline.out").getCount());
            assertEquals(250, r.meter("tributary.desk.inline.errors").getCount());
            assertEquals(250, bus.handlerErrors(), "each failure counted once by the bus");
            assertEquals(250, bus.deadLetters(), "each failure dead-lettered once");
            assertEquals(1, throughWrapper.get(),
                    "only the first delivery (which makes this thread the owner) goes through the wrapper");
        }
    }

    @Test
    void pooledDeliveriesFromTwoPublishersAreExact() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            TributaryMetrics metrics = TributaryMetrics.create();
            MessageHandler<Integer> failEveryTenth = m -> {
                if (m.payload() % 10 == 0) {
                    throw new IllegalArgumentException("payload " + m.payload());
                }
            };
            try (LocalMessageBus bus = LocalMessageBus.withDefaults()) {
                bus.subscribe("orders.*", MeteredHandler.wrap(failEveryTenth, metrics.node("desk", "pooled"), metrics.clock()),
                        SubscribeOptions.pooled().lane(Priority.HIGH));
                int perPublisher = 20_000;
                List<Thread> publishers = new ArrayList<>();
                for (int p = 0; p < 2; p++) {
                    String topic = "orders.venue" + p;
                    Thread publisher = new Thread(() -> {
                        TopicHandle handle = bus.topic(topic);
                        for (int i = 1; i <= perPublisher; i++) {
                            handle.publish(null, i, Priority.HIGH);
                        }
                    });
                    publisher.start();
                    publishers.add(publisher);
                }
                for (Thread publisher : publishers) {
                    publisher.join();
                }
                MetricRegistry r = metrics.registry();
                long total = 2L * perPublisher;
                while (r.meter("tributary.desk.pooled.out").getCount() + r.meter("tributary.desk.pooled.errors").getCount() < total) {
                    Thread.sleep(5);
                }
                assertEquals(total, r.meter("tributary.desk.pooled.in").getCount());
                assertEquals(total / 10, r.meter("tributary.desk.pooled.errors").getCount());
                assertEquals(total - total / 10, r.meter("tributary.desk.pooled.out").getCount());
                assertEquals(total / 10, bus.handlerErrors());
                assertTrue(r.histogram("tributary.desk.pooled.latency").getCount() >= 1, "some latency sampled");
            }
        });
    }

    @Test
    void slowTrafficHasEveryMessageSampledOnTheOwnersPath() {
        ManualClock clock = new ManualClock();
        TributaryMetrics metrics = TributaryMetrics.builder().clock(clock).build();
        try (LocalMessageBus bus = new LocalMessageBus(BusConfig.builder().clock(clock).build())) {
            bus.subscribe("bars.1m", MeteredHandler.wrap((Envelope<Object> m) -> { }, metrics.node("desk", "slow"), clock),
                    SubscribeOptions.inline());
            TopicHandle topic = bus.topic("bars.1m");
            for (int i = 0; i < 50; i++) {
                topic.publish(null, i, Priority.NORMAL);
                clock.advance(Duration.ofMillis(2));
            }
        }
        assertEquals(50, metrics.registry().histogram("tributary.desk.slow.latency").getCount());
    }

    @Test
    void busyTrafficIsSampledSparselyOnTheOwnersPath() {
        ManualClock clock = new ManualClock();   // never advances: every sample is "too soon"
        TributaryMetrics metrics = TributaryMetrics.builder().clock(clock).build();
        try (LocalMessageBus bus = new LocalMessageBus(BusConfig.builder().clock(clock).build())) {
            bus.subscribe("quotes.busy", MeteredHandler.wrap((Envelope<Object> m) -> { }, metrics.node("desk", "busy"), clock),
                    SubscribeOptions.inline());
            TopicHandle topic = bus.topic("quotes.busy");
            for (int i = 0; i < 100_000; i++) {
                topic.publish(null, i, Priority.NORMAL);
            }
        }
        // the stride doubles at each sample: about log2(100,000) = 17 samples, not 100,000
        long samples = metrics.registry().histogram("tributary.desk.busy.latency").getCount();
        assertTrue(samples >= 10 && samples <= 30, "samples: " + samples);
        assertEquals(100_000, metrics.registry().meter("tributary.desk.busy.in").getCount());
    }
}
