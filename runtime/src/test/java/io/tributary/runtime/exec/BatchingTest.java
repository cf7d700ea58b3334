package io.tributary.runtime.exec;

import io.tributary.api.Envelope;
import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.tributary.runtime.exec.Targets.blockWorker;
import static io.tributary.runtime.exec.Targets.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BatchingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void endOfBatchAfterMaxBatchAndWhenTheLaneIsEmpty() throws Exception {
        Targets.ManualClock clock = new Targets.ManualClock();
        ExecutorConfig config = ExecutorConfig.builder().fixedWorkers(1).maxBatch(4)
                .flushInterval(Duration.ofHours(1)).idleSpins(10).idleYields(2).build();
        try (PriorityExecutor executor = new PriorityExecutor(config, clock)) {
            Targets.Gate gate = blockWorker(executor, clock, "gate");
            Targets.Recording a = new Targets.Recording("a");
            Targets.Recording b = new Targets.Recording("b");
            for (int i = 1; i <= 10; i++) {
                submit(executor, clock, Priority.NORMAL, i % 2 == 0 ? b : a, "t", "k" + i, i);
            }
            gate.release();
            a.awaitCount(5, WAIT);
            b.awaitCount(5, WAIT);
            Targets.await("last endOfBatch", WAIT, () -> a.events().size() == 8 && b.events().size() == 8);
            // batches [1..4] [5..8] [9,10]: each target gets one endOfBatch per batch it took part in
            assertEquals(List.of("1", "3", "|", "5", "7", "|", "9", "|"), a.events());
            assertEquals(List.of("2", "4", "|", "6", "8", "|", "10", "|"), b.events());
        }
    }

    @Test
    void flushIntervalEndsALongBatch() throws Exception {
        Targets.ManualClock clock = new Targets.ManualClock();
        ExecutorConfig config = ExecutorConfig.builder().fixedWorkers(1).maxBatch(100)
                .flushInterval(Duration.ofMillis(3)).maxWait(Priority.NORMAL, Duration.ofHours(1))
                .idleSpins(10).idleYields(2).build();
        try (PriorityExecutor executor = new PriorityExecutor(config, clock)) {
            Targets.Gate gate = blockWorker(executor, clock, "gate");
            // every delivery takes 1 ms of (manual) time
            Targets.Recording slow = new Targets.Recording("slow") {
                @Override
                public void deliver(Envelope<Object> message) {
                    super.deliver(message);
                    clock.advance(Duration.ofMillis(1));
                }
            };
            for (int i = 1; i <= 8; i++) {
                submit(executor, clock, Priority.NORMAL, slow, "t", "k", i);
            }
            gate.release();
            slow.awaitCount(8, WAIT);
            Targets.await("last endOfBatch", WAIT, () -> slow.events().size() == 10);
            // a batch ends after the first message whose delivery starts >= 3 ms after the batch began
            assertEquals(List.of("1", "2", "3", "4", "|", "5", "6", "7", "8", "|"), slow.events());
        }
    }
}
