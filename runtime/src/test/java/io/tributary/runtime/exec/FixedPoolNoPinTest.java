package io.tributary.runtime.exec;

import io.tributary.api.Envelope;
import io.tributary.api.EpochClock;
import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static io.tributary.runtime.exec.Targets.await;
import static io.tributary.runtime.exec.Targets.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fixed-size pool (min == max workers) delivers without pinning key slots: per-key FIFO must come
 * from the fixed key → worker hash alone, and the shutdown's drain must still account for every
 * accepted message without the pins' pending counts.
 */
class FixedPoolNoPinTest {
    private static final EpochClock CLOCK = EpochClock.SYSTEM;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int WORKERS = 8;
    private static final int PRODUCERS = 4;
    private static final int KEYS_PER_PRODUCER = 32;

    @Test
    void perKeyFifoWithEightFixedWorkers() throws Exception {
        ExecutorConfig config = ExecutorConfig.builder().fixedWorkers(WORKERS).keySlots(256)
                .laneCapacity(Priority.NORMAL, 64).blockTimeout(WAIT).idleSpins(20).idleYields(2).build();
        try (PriorityExecutor executor = new PriorityExecutor(config, CLOCK)) {
            List<String> keys = new ArrayList<>();
            Set<Integer> owners = new HashSet<>();
            for (int i = 0; i < PRODUCERS * KEYS_PER_PRODUCER; i++) {
                keys.add("k" + i);
                owners.add(executor.ownerOf("orders", "k" + i));
            }
            assertTrue(owners.size() >= WORKERS / 2, "test keys should spread over the workers: " + owners);
            PerKeyOrderWhileScalingTest.OrderChecker checker = new PerKeyOrderWhileScalingTest.OrderChecker();
            int perKey = 400; // small rings (64) so producers also go through the full-ring BLOCK path
            runProducers(executor, checker, keys, perKey);
            long expected = (long) keys.size() * perKey;
            await("all delivered", WAIT, () -> checker.delivered.get() == expected);

            assertTrue(checker.violations.isEmpty(), "order violations: " + checker.violations);
            for (String key : keys) {
                assertEquals(perKey, checker.lastSeq.get(key).get(), key);
                assertEquals(1, checker.threadsByKey.get(key).size(), key + " moved between workers: "
                        + checker.threadsByKey.get(key));
            }
            Set<String> threads = new HashSet<>();
            checker.threadsByKey.values().forEach(threads::addAll);
            assertTrue(threads.size() >= WORKERS / 2, "deliveries should use several workers: " + threads);
            assertEquals(WORKERS, executor.workerCount());
            for (String key : keys) {
                assertTrue(owners.contains(executor.ownerOf("orders", key)));
            }
            await("counters settle", WAIT, () -> executor.laneStats(Priority.NORMAL).delivered() == expected);
        }
    }

    /**
     * Producers keep submitting while the executor shuts down: each submit either returns true and
     * is delivered by the drain, or throws; none is accepted and then lost, none delivered twice.
     */
    @Test
    void shutdownRacingSubmitsDeliversEveryAcceptedMessage() {
        assertTimeoutPreemptively(WAIT.multipliedBy(2), () -> {
            for (int round = 0; round < 20; round++) {
                ExecutorConfig config = ExecutorConfig.builder().fixedWorkers(2).keySlots(64)
                        .laneCapacity(Priority.NORMAL, 32).blockTimeout(WAIT).idleSpins(10).idleYields(2).build();
                PriorityExecutor executor = new PriorityExecutor(config, CLOCK);
                AtomicLong delivered = new AtomicLong();
                DeliveryTarget counting = new DeliveryTarget() {
                    @Override
                    public void deliver(Envelope<Object> message) {
                        delivered.incrementAndGet();
                    }

                    @Override
                    public String name() {
                        return "counting";
                    }
                };
                AtomicLong accepted = new AtomicLong();
                ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
                CountDownLatch running = new CountDownLatch(PRODUCERS);
                List<Thread> producers = new ArrayList<>();
                for (int p = 0; p < PRODUCERS; p++) {
                    int producer = p;
                    Thread t = new Thread(() -> {
                        running.countDown();
                        for (long i = 0; ; i++) {
                            try {
                                if (submit(executor, CLOCK, Priority.NORMAL, counting, "t", "p" + producer + "k" + (i & 7), i)) {
                                    accepted.incrementAndGet();
                                } else {
                                    unexpected.add(new AssertionError("refused without shutdown: " + i));
                                }
                            } catch (IllegalStateException shutDown) {
                                return;
                            } catch (Throwable e) {
                                unexpected.add(e);
                                return;
                            }
                        }
                    });
                    t.start();
                    producers.add(t);
                }
                running.await();
                await("some traffic", WAIT, () -> accepted.get() > 1_000);
                ShutdownReport report = executor.shutdown(WAIT);
                for (Thread t : producers) {
                    t.join();
                }
                assertTrue(unexpected.isEmpty(), "round " + round + ": " + unexpected);
                assertTrue(report.drained(), "round " + round + ": " + report);
                assertEquals(0, report.totalLeftOver(), "round " + round + ": " + report);
                assertEquals(accepted.get(), delivered.get(), "round " + round + ": accepted vs delivered");
                assertEquals(accepted.get(), executor.laneStats(Priority.NORMAL).delivered(), "round " + round);
            }
        });
    }

    private static void runProducers(PriorityExecutor executor, PerKeyOrderWhileScalingTest.OrderChecker checker,
                                     List<String> keys, int perKey) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        for (int p = 0; p < PRODUCERS; p++) {
            List<String> mine = keys.subList(p * KEYS_PER_PRODUCER, (p + 1) * KEYS_PER_PRODUCER);
            Thread t = new Thread(() -> {
                try {
                    for (long seq = 1; seq <= perKey; seq++) {
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
