package io.tributary.runtime.exec;

import io.tributary.api.EpochClock;
import io.tributary.api.Message;
import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.tributary.runtime.exec.Targets.blockWorker;
import static io.tributary.runtime.exec.Targets.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConflationTest {
    private static final EpochClock CLOCK = EpochClock.SYSTEM;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ExecutorConfig conflating() {
        return ExecutorConfig.builder().fixedWorkers(1).overflowPolicy(Priority.LOW, OverflowPolicy.CONFLATE)
                .idleSpins(10).idleYields(2).build();
    }

    @Test
    void keepsOnlyTheLatestPerKeyWhileTheWorkerIsBusy() throws Exception {
        try (PriorityExecutor executor = new PriorityExecutor(conflating(), CLOCK)) {
            Targets.Gate gate = blockWorker(executor, CLOCK, "gate");
            Targets.Recording screen = new Targets.Recording("screen");
            Targets.Recording other = new Targets.Recording("other");
            for (int v = 1; v <= 1000; v++) {
                for (String key : List.of("BTC", "ETH", "SOL")) {
                    assertTrue(submit(executor, CLOCK, Priority.LOW, screen, "quotes", key, v));
                }
            }
            // conflation is per target: a second subscriber of the same key keeps its own latest
            for (int v = 1; v <= 10; v++) {
                assertTrue(submit(executor, CLOCK, Priority.LOW, other, "quotes", "BTC", v));
            }
            LaneStats waiting = executor.laneStats(Priority.LOW);
            assertEquals(4, waiting.depth(), "one waiting entry per (target, topic, key)");
            assertEquals(3 * 999 + 9, waiting.conflated());

            gate.release();
            screen.awaitCount(3, WAIT);
            other.awaitCount(1, WAIT);
            Map<Object, List<Object>> byKey = new HashMap<>();
            for (Message<Object> m : screen.messages()) {
                byKey.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m.payload());
            }
            assertEquals(Map.of("BTC", List.of(1000), "ETH", List.of(1000), "SOL", List.of(1000)), byKey);
            assertEquals(List.of(10), other.payloads());

            Targets.await("delivered counted", WAIT, () -> executor.laneStats(Priority.LOW).delivered() == 4);
            LaneStats stats = executor.laneStats(Priority.LOW);
            assertEquals(3010, stats.enqueued());
            assertEquals(stats.enqueued(), stats.delivered() + stats.conflated() + stats.dropped() + stats.depth());
        }
    }

    @Test
    void aMessageAfterDeliveryStartsANewEntry() throws Exception {
        try (PriorityExecutor executor = new PriorityExecutor(conflating(), CLOCK)) {
            Targets.Recording screen = new Targets.Recording("screen");
            for (int v = 1; v <= 50; v++) {
                assertTrue(submit(executor, CLOCK, Priority.LOW, screen, "quotes", "BTC", v));
                screen.awaitCount(v - (int) executor.laneStats(Priority.LOW).conflated(), WAIT);
            }
            // whatever got conflated, the values seen are increasing and end with the last one
            List<Object> seen = screen.payloads();
            for (int i = 1; i < seen.size(); i++) {
                assertTrue((Integer) seen.get(i) > (Integer) seen.get(i - 1), "out of order: " + seen);
            }
            assertEquals(50, seen.get(seen.size() - 1));
            assertEquals(50, seen.size() + executor.laneStats(Priority.LOW).conflated());
        }
    }

    @Test
    void fullConflatingLaneWaitsLikeBlock() throws Exception {
        ExecutorConfig config = conflating().toBuilder().laneCapacity(Priority.LOW, 2)
                .blockTimeout(Duration.ofMillis(20)).build();
        try (PriorityExecutor executor = new PriorityExecutor(config, CLOCK)) {
            Targets.Gate gate = blockWorker(executor, CLOCK, "gate");
            Targets.Recording screen = new Targets.Recording("screen");
            assertTrue(submit(executor, CLOCK, Priority.LOW, screen, "quotes", "A", 1));
            assertTrue(submit(executor, CLOCK, Priority.LOW, screen, "quotes", "B", 1));
            assertTrue(submit(executor, CLOCK, Priority.LOW, screen, "quotes", "A", 2), "same key conflates even when full");
            assertTrue(!submit(executor, CLOCK, Priority.LOW, screen, "quotes", "C", 1), "a third key has no room");
            assertEquals(1, executor.laneStats(Priority.LOW).rejected());
            gate.release();
            screen.awaitCount(2, WAIT);
            assertEquals(List.of(2, 1), screen.payloads());
        }
    }
}
