package io.tributary.runtime.bus;

import io.tributary.api.Envelope;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Subscriptions come and go while messages flow: a subscription present throughout sees every
 * message exactly once, and no subscription ever sees a message twice.
 */
class ConcurrentSubscriptionTest {
    private static final int PUBLISHERS = 3;
    private static final int MESSAGES_PER_PUBLISHER = 20_000;

    @Test
    void noLostAndNoDuplicatedDeliveryUnderSubscriptionChurn() throws Exception {
        try (LocalMessageBus bus = LocalMessageBus.withDefaults()) {
            Set<Long> stableInline = ConcurrentHashMap.newKeySet();
            Set<Long> stablePooled = ConcurrentHashMap.newKeySet();
            AtomicInteger duplicates = new AtomicInteger();
            AtomicInteger pooledSeen = new AtomicInteger();
            bus.subscribe("churn.**", (Envelope<Long> m) -> {
                if (!stableInline.add(m.payload())) {
                    duplicates.incrementAndGet();
                }
            }, SubscribeOptions.inline());
            bus.subscribe("churn.*.*", (Envelope<Long> m) -> {
                if (!stablePooled.add(m.payload())) {
                    duplicates.incrementAndGet();
                }
                pooledSeen.incrementAndGet();
            }, SubscribeOptions.pooled());

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            String[] churnPatterns = {"churn.**", "churn.*.x", "churn.p0.*", "**", "churn.*.*", "churn.p?.x*"};
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                threads.add(start("churner-" + c, failure, () -> {
                    int round = 0;
                    while (running.get()) {
                        Set<Long> seen = ConcurrentHashMap.newKeySet();
                        Subscription s = bus.subscribe(churnPatterns[round++ % churnPatterns.length],
                                (Envelope<Long> m) -> {
                                    if (!seen.add(m.payload())) {
                                        duplicates.incrementAndGet();
                                    }
                                }, SubscribeOptions.inline());
                        Thread.yield();
                        s.close();
                    }
                }));
            }
            CountDownLatch published = new CountDownLatch(PUBLISHERS);
            for (int p = 0; p < PUBLISHERS; p++) {
                long base = (long) p * MESSAGES_PER_PUBLISHER;
                String topic = "churn.p" + p + ".x";
                threads.add(start("publisher-" + p, failure, () -> {
                    for (long i = 0; i < MESSAGES_PER_PUBLISHER; i++) {
                        bus.publish(topic, base + i);
                    }
                    published.countDown();
                }));
            }

            assertTrue(published.await(60, TimeUnit.SECONDS), "publishers did not finish");
            running.set(false);
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }
            int total = PUBLISHERS * MESSAGES_PER_PUBLISHER;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (pooledSeen.get() < total && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertNull(failure.get(), () -> "a thread failed: " + failure.get());
            assertEquals(0, duplicates.get(), "duplicated deliveries");
            assertEquals(total, stableInline.size(), "inline subscriber lost messages");
            assertEquals(total, stablePooled.size(), "pooled subscriber lost messages");
        }
    }

    private static Thread start(String name, AtomicReference<Throwable> failure, Runnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }, name);
        thread.start();
        return thread;
    }
}
