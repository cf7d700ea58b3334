package io.tributary.runtime.exec;

import io.tributary.api.Envelope;
import io.tributary.api.EpochClock;
import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.tributary.runtime.exec.Targets.await;
import static io.tributary.runtime.exec.Targets.blockWorker;
import static io.tributary.runtime.exec.Targets.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-(topic, key) FIFO while the pool grows to several workers and shrinks back: every key's
 * sequence numbers must arrive consecutively (none lost, none reordered), never two at once.
 */
class PerKeyOrderWhileScalingTest {
    private static final EpochClock CLOCK = EpochClock.SYSTEM;
    private static final int PRODUCERS = 4;
    private static final int KEYS_PER_PRODUCER = 16;
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Checks, per key, that deliveries come one at a time and in sequence. */
    static final class OrderChecker implements DeliveryTarget {
        final Map<Object, AtomicLong> lastSeq = new ConcurrentHashMap<>();
        final Map<Object, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        final Map<Object, Set<String>> threadsByKey = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        final AtomicLong delivered = new AtomicLong();

        @Override
        public void deliver(Envelope<Object> message) {
            Object key = message.key();
            AtomicInteger busy = inFlight.computeIfAbsent(key, k -> new AtomicInteger());
            if (busy.incrementAndGet() != 1) {
                violations.add("concurrent delivery for " + key);
            }
            long seq = (Long) message.payload();
            long previous = lastSeq.computeIfAbsent(key, k -> new AtomicLong()).getAndSet(seq);
            if (seq != previous + 1) {
                violations.add(key + ": " + seq + " after " + previous);
            }
            threadsByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
            busy.decrementAndGet();
            delivered.incrementAndGet();
        }

        @Override
        public String name() {
            return "order-checker";
        }
    }

    @Test
    void keysStayInOrderWhileThePoolScalesUpAndDown() throws Exception {
        ExecutorConfig config = ExecutorConfig.builder().minWorkers(1).maxWorkers(8).keySlots(256)
                .laneCapacity(Priority.NORMAL, 256).blockTimeout(WAIT)
                .scaleCheckInterval(Duration.ofMillis(1)).scaleUpQueueDepth(32).scaleUpWait(Duration.ofMillis(1))
                .scaleDownAfter(Duration.ofMillis(100)).idleSpins(20).idleYields(2).build();
        try (PriorityExecutor executor = new PriorityExecutor(config, CLOCK)) {
            // 1. hold the only worker and queue up behind it: the scaler must add workers and hand them
            //    the idle slots (the held slot cannot move while its messages wait)
            Targets.Gate gate = blockWorker(executor, CLOCK, "blocker");
            Targets.Recording pad = new Targets.Recording("pad");
            for (int i = 0; i < 100; i++) {
                assertTrue(submit(executor, CLOCK, Priority.NORMAL, pad, "blocker", null, i));
            }
            await("pool grows to 4+", WAIT, () -> executor.workerCount() >= 4);
            int peak = executor.workerCount();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < PRODUCERS * KEYS_PER_PRODUCER; i++) {
                keys.add("k" + i);
            }
            await("test keys spread over workers", WAIT,
                    () -> keys.stream().filter(k -> executor.ownerOf("orders", k) != 0).count() >= 8);
            assertEquals(0, executor.ownerOf("blocker", null), "a slot with waiting messages never moves");
            gate.release();

            // 2. publish under load while the pool keeps resizing
            OrderChecker checker = new OrderChecker();
            runProducers(executor, checker, keys, 1, 500);
            await("phase 1 delivered", WAIT, () -> checker.delivered.get() == keys.size() * 500L);
            pad.awaitCount(100, WAIT);
            peak = Math.max(peak, executor.workerCount());

            // 3. idle: the pool shrinks back to minWorkers, moving every slot home
            await("pool shrinks back to 1", WAIT, () -> executor.workerCount() == 1);
            for (String key : keys) {
                assertEquals(0, executor.ownerOf("orders", key));
            }

            // 4. the same keys again, now all on worker 0
            runProducers(executor, checker, keys, 501, 600);
            await("phase 2 delivered", WAIT, () -> checker.delivered.get() == keys.size() * 600L);

            assertTrue(checker.violations.isEmpty(), "order violations: " + checker.violations);
            for (String key : keys) {
                assertEquals(600, checker.lastSeq.get(key).get(), key);
            }
            long movedKeys = checker.threadsByKey.values().stream().filter(t -> t.size() > 1).count();
            assertTrue(movedKeys > 0, "some key should have been served by two workers over the test");
            assertTrue(peak > 1);
            LaneStats stats = executor.laneStats(Priority.NORMAL);
            assertEquals(0, stats.rejected());
            await("counters settle", WAIT,
                    () -> executor.laneStats(Priority.NORMAL).delivered() == keys.size() * 600L + 100);
        }
    }

    /** Each producer owns KEYS_PER_PRODUCER keys and publishes seq from..to for each, round robin. */
    private static void runProducers(PriorityExecutor executor, OrderChecker checker, List<String> keys,
                                     long from, long to) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        for (int p = 0; p < PRODUCERS; p++) {
            List<String> mine = keys.subList(p * KEYS_PER_PRODUCER, (p + 1) * KEYS_PER_PRODUCER);
            Thread t = new Thread(() -> {
                try {
                    for (long seq = from; seq <= to; seq++) {
                        for (String key : mine) {
                            if (!submit(executor, CLOCK, Priority.NORMAL, checker, "orders", key, seq)) {
                                throw new AssertionError("refused " + key + " " + seq);
                            }
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "producer-" + p);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(WAIT.toMillis());
            assertTrue(!t.isAlive(), t.getName() + " did not finish");
        }
        assertTrue(errors.isEmpty(), "producer errors: " + errors);
    }
}
