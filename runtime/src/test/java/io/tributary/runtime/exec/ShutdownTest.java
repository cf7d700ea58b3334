package io.tributary.runtime.exec;

import io.tributary.api.EpochClock;
import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.tributary.runtime.exec.Targets.blockWorker;
import static io.tributary.runtime.exec.Targets.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShutdownTest {
    private static final EpochClock CLOCK = EpochClock.SYSTEM;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ExecutorConfig oneWorker() {
        return ExecutorConfig.builder().fixedWorkers(1).idleSpins(10).idleYields(2).build();
    }

    @Test
    void drainsWhatIsQueuedAndStopsAccepting() throws Exception {
        PriorityExecutor executor = new PriorityExecutor(oneWorker(), CLOCK);
        Targets.Gate gate = blockWorker(executor, CLOCK, "gate");
        Targets.Recording target = new Targets.Recording("t");
        for (int i = 0; i < 500; i++) {
            assertTrue(submit(executor, CLOCK, Priority.NORMAL, target, "t", "k" + (i % 7), i));
        }
        for (int i = 0; i < 20; i++) {
            assertTrue(submit(executor, CLOCK, Priority.HIGH, target, "h", null, i));
        }
        CompletableFuture<ShutdownReport> shutdown = CompletableFuture.supplyAsync(() -> executor.shutdown(WAIT));
        Targets.await("shutdown starts", WAIT, executor::isShutdown);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> submit(executor, CLOCK, Priority.NORMAL, target, "t", "late", 0));
        assertTrue(refused.getMessage().contains("NORMAL") && refused.getMessage().contains("topic t"), refused.getMessage());

        gate.release();
        ShutdownReport report = shutdown.get(20, TimeUnit.SECONDS);
        assertTrue(report.drained(), report.toString());
        assertEquals(0, report.totalLeftOver());
        assertEquals(500, report.deliveredDuringDrain(Priority.NORMAL));
        assertEquals(20, report.deliveredDuringDrain(Priority.HIGH));
        assertEquals(1, report.deliveredDuringDrain(Priority.CRITICAL)); // the gate message finished during the drain
        assertEquals(0, report.workersNotStopped());
        assertEquals(520, target.count());
        assertEquals(0, executor.workerCount());
        assertFalse(gate.blockedThread().isAlive());
        assertSame(report, executor.shutdown(WAIT), "shutdown is idempotent");
        executor.close();
    }

    @Test
    void reportsLeftoversWhenTheGraceIsTooShort() throws Exception {
        PriorityExecutor executor = new PriorityExecutor(oneWorker(), CLOCK);
        Targets.Gate gate = blockWorker(executor, CLOCK, "gate");
        try {
            Targets.Recording target = new Targets.Recording("t");
            for (int i = 0; i < 10; i++) {
                assertTrue(submit(executor, CLOCK, Priority.NORMAL, target, "t", "k", i));
            }
            for (int i = 0; i < 5; i++) {
                assertTrue(submit(executor, CLOCK, Priority.LOW, target, "t", "k", i));
            }
            ShutdownReport report = executor.shutdown(Duration.ofMillis(100));
            assertFalse(report.drained());
            assertEquals(10, report.leftOver(Priority.NORMAL));
            assertEquals(5, report.leftOver(Priority.LOW));
            assertEquals(15, report.totalLeftOver());
            assertEquals(0, report.totalDeliveredDuringDrain());
            assertEquals(1, report.workersNotStopped(), "the worker is stuck in the gate");
            assertThrows(IllegalStateException.class,
                    () -> submit(executor, CLOCK, Priority.NORMAL, target, "t", "k", 99));

            gate.release();
            Thread worker = gate.blockedThread();
            worker.join(WAIT.toMillis());
            assertFalse(worker.isAlive(), "the worker ends after the delivery in hand");
            assertEquals(0, target.count(), "no delivery after the shutdown gave up");
        } finally {
            gate.release();
        }
    }

    @Test
    void workersAreNamedDaemonThreads() throws Exception {
        try (PriorityExecutor executor = new PriorityExecutor(oneWorker(), CLOCK)) {
            Targets.Gate gate = blockWorker(executor, CLOCK, "gate");
            Thread worker = gate.blockedThread();
            gate.release();
            assertEquals("tributary-worker-0", worker.getName());
            assertTrue(worker.isDaemon());
        }
    }
}
