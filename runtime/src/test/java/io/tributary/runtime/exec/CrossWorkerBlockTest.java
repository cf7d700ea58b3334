package io.tributary.runtime.exec;

import io.tributary.api.Envelope;
import io.tributary.api.EpochClock;
import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries that publish into other workers' full BLOCK rings. If a worker waited for room, two
 * workers each waiting on the other's ring would stop until the block timeout; they spill instead.
 */
class CrossWorkerBlockTest {
    private static final int KEYS = 64;
    private static final int PER_KEY = 200;

    @Test
    void workersPublishingIntoEachOthersFullRingsNeverStallAndKeepPerKeyOrder() {
        ExecutorConfig config = ExecutorConfig.builder().fixedWorkers(2).laneCapacity(2)
                .overflowPolicy(Priority.LOW, OverflowPolicy.BLOCK)
                .blockTimeout(Duration.ofMinutes(2)) // a stall would show as the test's own timeout
                .build();
        Map<Object, List<Integer>> outByKey = new ConcurrentHashMap<>();
        AtomicInteger delivered = new AtomicInteger();
        DeliveryTarget sink = new DeliveryTarget() {
            @Override
            public void deliver(Envelope<Object> message) {
                outByKey.computeIfAbsent(message.key(), k -> new CopyOnWriteArrayList<>()).add((Integer) message.payload());
                delivered.incrementAndGet();
            }

            @Override
            public String name() {
                return "sink";
            }
        };
        try (PriorityExecutor executor = new PriorityExecutor(config, EpochClock.SYSTEM)) {
            DeliveryTarget relay = new DeliveryTarget() {
                @Override
                public void deliver(Envelope<Object> m) {
                    // published from inside a delivery, to a key that may live on the other worker
                    executor.submit(Priority.NORMAL, sink, m.id(), "out." + m.key(), m.key(), m.payload(),
                            Priority.NORMAL, System.nanoTime(), null);
                }

                @Override
                public String name() {
                    return "relay";
                }
            };
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = 0; i < PER_KEY; i++) {
                    for (int k = 0; k < KEYS; k++) {
                        assertTrue(executor.submit(Priority.NORMAL, relay, i, "in", "k" + k, i, Priority.NORMAL,
                                System.nanoTime(), null));
                    }
                }
                while (delivered.get() < KEYS * PER_KEY) {
                    Thread.sleep(5);
                }
            }, "deliveries stalled: workers waiting on each other's full rings");
            assertTrue(executor.spilled(Priority.NORMAL) > 0, "the full-ring path was exercised");
        }
        assertEquals(KEYS, outByKey.size());
        for (Map.Entry<Object, List<Integer>> e : outByKey.entrySet()) {
            List<Integer> seq = e.getValue();
            assertEquals(PER_KEY, seq.size(), "every message of " + e.getKey());
            for (int i = 0; i < PER_KEY; i++) {
                assertEquals(i, seq.get(i), "order of " + e.getKey());
            }
        }
    }
}
