package io.tributary.runtime.exec;

import io.tributary.api.Envelope;
import io.tributary.api.EpochClock;
import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

import static io.tributary.runtime.exec.Targets.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailingTargetTest {
    private static final EpochClock CLOCK = EpochClock.SYSTEM;

    /** Records, then throws on odd payloads (an Error on 51) and on every endOfBatch. */
    static final class Throwing extends Targets.Recording {
        Throwing() {
            super("throwing");
        }

        @Override
        public void deliver(Envelope<Object> message) {
            super.deliver(message);
            int v = (Integer) message.payload();
            if (v == 51) {
                throw new StackOverflowError("simulated");
            }
            if (v % 2 == 1) {
                throw new IllegalStateException("odd " + v);
            }
        }

        @Override
        public void endOfBatch() {
            throw new IllegalStateException("flush failed");
        }
    }

    @Test
    void throwingTargetDoesNotKillTheWorker() {
        ExecutorConfig config = ExecutorConfig.builder().fixedWorkers(1).idleSpins(10).idleYields(2).build();
        try (PriorityExecutor executor = new PriorityExecutor(config, CLOCK)) {
            Throwing target = new Throwing();
            Targets.Recording healthy = new Targets.Recording("healthy");
            for (int i = 1; i <= 100; i++) {
                assertTrue(submit(executor, CLOCK, Priority.NORMAL, target, "t", "k", i));
            }
            target.awaitCount(100, Duration.ofSeconds(10));
            // the same worker still serves other targets afterwards
            assertTrue(submit(executor, CLOCK, Priority.NORMAL, healthy, "t", "k", 101));
            healthy.awaitCount(1, Duration.ofSeconds(10));

            assertEquals(1, executor.workerCount());
            List<String> threads = target.threads();
            threads.addAll(healthy.threads());
            assertEquals(1, new HashSet<>(threads).size(), "all deliveries on one surviving thread: " + new HashSet<>(threads));
            Targets.await("counters settle", Duration.ofSeconds(10),
                    () -> executor.laneStats(Priority.NORMAL).delivered() == 101);
            LaneStats stats = executor.laneStats(Priority.NORMAL);
            // 50 odd payloads threw, plus at least one failing endOfBatch (one per batch that reached it)
            assertTrue(stats.failed() > 50, "failed=" + stats.failed());
            assertTrue(stats.failed() <= 50 + 100, "failed=" + stats.failed());
        }
    }
}
