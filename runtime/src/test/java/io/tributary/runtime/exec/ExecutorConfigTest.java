package io.tributary.runtime.exec;

import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutorConfigTest {

    private static void assertRejected(Executable setter, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, setter);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should mention '" + fragment + "'");
        }
    }

    @Test
    void defaults() {
        ExecutorConfig c = ExecutorConfig.defaults();
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(1, c.minWorkers());
        assertEquals(Math.min(64, Math.max(1, 2 * cores)), c.maxWorkers());
        assertEquals(4096, c.keySlots());
        assertEquals(OverflowPolicy.BLOCK, c.overflowPolicy(Priority.CRITICAL));
        assertEquals(OverflowPolicy.BLOCK, c.overflowPolicy(Priority.HIGH));
        assertEquals(OverflowPolicy.BLOCK, c.overflowPolicy(Priority.NORMAL));
        assertEquals(OverflowPolicy.DROP_OLDEST, c.overflowPolicy(Priority.LOW));
        assertEquals(1024, c.laneCapacity(Priority.LOW));
        assertNull(c.maxWait(Priority.CRITICAL));
        assertEquals(Duration.ofMillis(5), c.maxWait(Priority.HIGH));
        assertEquals(Duration.ofMillis(20), c.maxWait(Priority.NORMAL));
        assertEquals(Duration.ofMillis(50), c.maxWait(Priority.LOW));
        assertEquals(8, c.weight(Priority.HIGH));
        assertEquals(4, c.weight(Priority.NORMAL));
        assertEquals(1, c.weight(Priority.LOW));
        assertEquals(256, c.maxBatch());
        assertEquals(Duration.ofMillis(1), c.flushInterval());
        assertEquals(Duration.ofSeconds(10), c.blockTimeout());
        assertEquals(Duration.ofSeconds(5), c.shutdownGrace());
    }

    @Test
    void badValuesNameTheFieldTheRangeAndTheValue() {
        ExecutorConfig.Builder b = ExecutorConfig.builder();
        assertRejected(() -> b.minWorkers(0), "minWorkers", "[1, 64]", "was 0");
        assertRejected(() -> b.maxWorkers(65), "maxWorkers", "[1, 64]", "65");
        assertRejected(() -> ExecutorConfig.builder().minWorkers(4).maxWorkers(2).build(), "maxWorkers", "minWorkers=4", "was 2");
        assertRejected(() -> b.keySlots(1000), "keySlots", "power of two", "1000");
        assertRejected(() -> b.keySlots(16), "keySlots", "[64, 1048576]");
        assertRejected(() -> b.laneCapacity(Priority.HIGH, 3), "laneCapacity(HIGH)", "power of two");
        assertRejected(() -> b.laneCapacity(Priority.LOW, 1), "laneCapacity(LOW)", "[2, 16777216]");
        assertRejected(() -> b.maxWait(Priority.CRITICAL, Duration.ofMillis(1)), "maxWait(CRITICAL)");
        assertRejected(() -> b.maxWait(Priority.LOW, Duration.ofMillis(-1)), "maxWait(LOW)", "PT-0.001S");
        assertRejected(() -> b.weights(8, 0, 1), "weights.normal", "[1, 1000]");
        assertRejected(() -> b.maxBatch(0), "maxBatch");
        assertRejected(() -> b.flushInterval(Duration.ZERO), "flushInterval");
        assertRejected(() -> b.blockTimeout(Duration.ofDays(2)), "blockTimeout", "PT1H");
        assertRejected(() -> b.scaleCheckInterval(Duration.ofNanos(10)), "scaleCheckInterval");
        assertRejected(() -> b.scaleDownAfter(Duration.ZERO), "scaleDownAfter");
        NullPointerException npe = assertThrows(NullPointerException.class, () -> b.shutdownGrace(null));
        assertTrue(npe.getMessage().contains("shutdownGrace"));
    }

    @Test
    void maxWorkersFollowsALargerMinWorkersUnlessSet() {
        assertEquals(40, ExecutorConfig.builder().minWorkers(40).build().maxWorkers());
        assertEquals(3, ExecutorConfig.builder().fixedWorkers(3).build().maxWorkers());
    }

    @Test
    void toBuilderCopiesEverything() {
        ExecutorConfig a = ExecutorConfig.builder().fixedWorkers(3).laneCapacity(Priority.HIGH, 64)
                .overflowPolicy(Priority.LOW, OverflowPolicy.CONFLATE).maxWait(Priority.LOW, Duration.ofMillis(7))
                .weights(5, 3, 2).build();
        ExecutorConfig b = a.toBuilder().build();
        assertEquals(a.toString(), b.toString());
        assertEquals(OverflowPolicy.CONFLATE, b.overflowPolicy(Priority.LOW));
        assertEquals(Duration.ofMillis(7), b.maxWait(Priority.LOW));
    }
}
