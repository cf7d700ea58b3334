package io.tributary.runtime.exec;

import io.tributary.api.EpochClock;
import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.tributary.runtime.exec.Targets.blockWorker;
import static io.tributary.runtime.exec.Targets.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverflowPolicyTest {
    private static final EpochClock CLOCK = EpochClock.SYSTEM;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ExecutorConfig.Builder oneWorker() {
        return ExecutorConfig.builder().fixedWorkers(1).laneCapacity(Priority.NORMAL, 2)
                .laneCapacity(Priority.LOW, 4).idleSpins(10).idleYields(2);
    }

    @Test
    void blockWaitsForRoomThenProceeds() throws Exception {
        ExecutorService submitter = Executors.newSingleThreadExecutor();
        try (PriorityExecutor executor = new PriorityExecutor(oneWorker().blockTimeout(Duration.ofSeconds(30)).build(), CLOCK)) {
            Targets.Gate gate = blockWorker(executor, CLOCK, "gate");
            Targets.Recording target = new Targets.Recording("t");
            assertTrue(submit(executor, CLOCK, Priority.NORMAL, target, "t", "k", 1));
            assertTrue(submit(executor, CLOCK, Priority.NORMAL, target, "t", "k", 2));

            CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(
                    () -> submit(executor, CLOCK, Priority.NORMAL, target, "t", "k", 3), submitter);
            // the ring is full and its worker is held in the gate: the submit cannot have returned
            Thread.sleep(100);
            assertFalse(third.isDone(), "BLOCK submit returned while the lane was full");

            gate.release();
            assertTrue(third.get(10, TimeUnit.SECONDS));
            target.awaitCount(3, WAIT);
            assertEquals(List.of(1, 2, 3), target.payloads());
            LaneStats stats = executor.laneStats(Priority.NORMAL);
            assertEquals(0, stats.rejected());
            assertEquals(3, stats.enqueued());
        } finally {
            submitter.shutdownNow();
        }
    }

    @Test
    void blockTimesOutWithRejection() throws Exception {
        try (PriorityExecutor executor = new PriorityExecutor(oneWorker().blockTimeout(Duration.ofMillis(50)).build(), CLOCK)) {
            Targets.Gate gate = blockWorker(executor, CLOCK, "gate");
            Targets.Recording target = new Targets.Recording("t");
            assertTrue(submit(executor, CLOCK, Priority.NORMAL, target, "t", "k", 1));
            assertTrue(submit(executor, CLOCK, Priority.NORMAL, target, "t", "k", 2));
            long start = System.nanoTime();
            assertFalse(submit(executor, CLOCK, Priority.NORMAL, target, "t", "k", 3));
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(50).toNanos(), "gave up before blockTimeout");
            assertEquals(1, executor.laneStats(Priority.NORMAL).rejected());

            gate.release();
            target.awaitCount(2, WAIT);
            assertEquals(List.of(1, 2), target.payloads());
        }
    }

    @Test
    void rejectRefusesAndCounts() throws Exception {
        ExecutorConfig config = oneWorker().overflowPolicy(Priority.NORMAL, OverflowPolicy.REJECT).build();
        try (PriorityExecutor executor = new PriorityExecutor(config, CLOCK)) {
            Targets.Gate gate = blockWorker(executor, CLOCK, "gate");
            Targets.Recording target = new Targets.Recording("t");
            assertTrue(submit(executor, CLOCK, Priority.NORMAL, target, "t", "k", 1));
            assertTrue(submit(executor, CLOCK, Priority.NORMAL, target, "t", "k", 2));
            assertFalse(submit(executor, CLOCK, Priority.NORMAL, target, "t", "k", 3));
            assertFalse(submit(executor, CLOCK, Priority.NORMAL, target, "t", "other", 4));
            LaneStats stats = executor.laneStats(Priority.NORMAL);
            assertEquals(2, stats.rejected());
            assertEquals(2, stats.enqueued());
            assertEquals(2, stats.depth());

            gate.release();
            target.awaitCount(2, WAIT);
            assertEquals(List.of(1, 2), target.payloads());
            // room again: accepted
            assertTrue(submit(executor, CLOCK, Priority.NORMAL, target, "t", "k", 5));
            target.awaitCount(3, WAIT);
        }
    }

    @Test
    void dropOldestKeepsTheNewestAndCounts() throws Exception {
        try (PriorityExecutor executor = new PriorityExecutor(oneWorker().build(), CLOCK)) {
            assertEquals(OverflowPolicy.DROP_OLDEST, executor.config().overflowPolicy(Priority.LOW));
            Targets.Gate gate = blockWorker(executor, CLOCK, "gate");
            Targets.Recording target = new Targets.Recording("t");
            for (int i = 1; i <= 10; i++) {
                assertTrue(submit(executor, CLOCK, Priority.LOW, target, "t", "k" + (i % 3), i));
            }
            LaneStats stats = executor.laneStats(Priority.LOW);
            assertEquals(6, stats.dropped());
            assertEquals(4, stats.depth());
            assertEquals(10, stats.enqueued());

            gate.release();
            target.awaitCount(4, WAIT);
            assertEquals(List.of(7, 8, 9, 10), target.payloads());
            Targets.await("stats settle", WAIT, () -> executor.laneStats(Priority.LOW).delivered() == 4);
            LaneStats after = executor.laneStats(Priority.LOW);
            assertEquals(after.enqueued(), after.delivered() + after.dropped() + after.depth());
        }
    }

    @Test
    void blockedProducerGivesUpWhenShutdownEnds() throws Exception {
        Thread[] producer = new Thread[1];
        ExecutorService submitter = Executors.newSingleThreadExecutor(r -> producer[0] = new Thread(r, "producer"));
        PriorityExecutor executor = new PriorityExecutor(oneWorker().blockTimeout(Duration.ofSeconds(30)).build(), CLOCK);
        Targets.Gate gate = blockWorker(executor, CLOCK, "gate");
        try {
            Targets.Recording target = new Targets.Recording("t");
            assertTrue(submit(executor, CLOCK, Priority.NORMAL, target, "t", "k", 1));
            assertTrue(submit(executor, CLOCK, Priority.NORMAL, target, "t", "k", 2));
            CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(
                    () -> submit(executor, CLOCK, Priority.NORMAL, target, "t", "k", 3), submitter);
            Targets.await("producer waits for room", WAIT, () -> isWaitingForRoom(producer[0]));
            ShutdownReport report = executor.shutdown(Duration.ofMillis(50));
            assertFalse(report.drained());
            assertFalse(third.get(10, TimeUnit.SECONDS), "blocked submit should be refused once the executor terminated");
            assertEquals(1, executor.laneStats(Priority.NORMAL).rejected());
            assertEquals(2, report.leftOver(Priority.NORMAL));
        } finally {
            gate.release();
            submitter.shutdownNow();
        }
    }

    /** True once the thread is inside the BLOCK wait (so it was accepted before the shutdown began). */
    private static boolean isWaitingForRoom(Thread thread) {
        if (thread == null) {
            return false;
        }
        for (StackTraceElement e : thread.getStackTrace()) {
            if (e.getMethodName().equals("awaitRoom")) {
                return true;
            }
        }
        return false;
    }
}
