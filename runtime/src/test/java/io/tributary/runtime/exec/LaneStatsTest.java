package io.tributary.runtime.exec;

import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.tributary.runtime.exec.Targets.blockWorker;
import static io.tributary.runtime.exec.Targets.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaneStatsTest {

    @Test
    void waitIsEnqueueToStartOfDeliveryAndCountsAddUp() throws Exception {
        Targets.ManualClock clock = new Targets.ManualClock();
        ExecutorConfig config = ExecutorConfig.builder().fixedWorkers(1).maxWait(Priority.NORMAL, Duration.ofHours(1))
                .idleSpins(10).idleYields(2).build();
        try (PriorityExecutor executor = new PriorityExecutor(config, clock)) {
            Targets.Gate gate = blockWorker(executor, clock, "gate");
            Targets.Recording target = new Targets.Recording("t");
            for (int i = 0; i < 10; i++) {
                assertTrue(submit(executor, clock, Priority.NORMAL, target, "t", "k" + i, i));
            }
            LaneStats waiting = executor.laneStats(Priority.NORMAL);
            assertEquals(10, waiting.depth());
            assertEquals(10, waiting.enqueued());
            assertEquals(0, waiting.delivered());
            assertEquals(0, waiting.maxWaitNanos());

            clock.advance(Duration.ofMillis(5));
            gate.release();
            target.awaitCount(10, Duration.ofSeconds(10));
            Targets.await("counted", Duration.ofSeconds(10), () -> executor.laneStats(Priority.NORMAL).delivered() == 10);
            LaneStats stats = executor.laneStats(Priority.NORMAL);
            long fiveMs = Duration.ofMillis(5).toNanos();
            // HdrHistogram with 2 significant digits: within 1%
            assertEquals(fiveMs, stats.p50WaitNanos(), fiveMs / 100);
            assertEquals(fiveMs, stats.p99WaitNanos(), fiveMs / 100);
            assertEquals(fiveMs, stats.maxWaitNanos(), fiveMs / 100);
            assertEquals(0, stats.depth());
            assertEquals(stats.enqueued(), stats.delivered() + stats.dropped() + stats.conflated() + stats.depth());
            assertEquals(Priority.NORMAL, stats.lane());
            // the CRITICAL gate message waited ~0 and is counted in its own lane
            assertEquals(1, executor.laneStats(Priority.CRITICAL).delivered());
        }
    }
}
