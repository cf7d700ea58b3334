package io.tributary.runtime.exec;

import io.tributary.api.EpochClock;
import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the pool by hand, as the scaler thread would. */
class WorkerPoolTest {

    @Test
    void growsRebalancesRetiresAndRestartsWithoutMovingPinnedSlots() throws Exception {
        ExecutorConfig config = ExecutorConfig.builder().minWorkers(1).maxWorkers(3).keySlots(64)
                .idleSpins(5).idleYields(1).build();
        KeySlots slots = new KeySlots(64, 1);
        ConflationTable[] tables = new ConflationTable[Priority.COUNT];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = new ConflationTable();
        }
        WorkerPool pool = new WorkerPool(config, EpochClock.SYSTEM, slots, tables);
        try {
            assertEquals(1, pool.liveCount());
            assertEquals(64, pool.ownedBy(0));

            slots.acquire(5); // a message of slot 5 is in flight on worker 0
            assertTrue(pool.grow());
            pool.rebalance();
            assertEquals(2, pool.liveCount());
            assertEquals(32, pool.ownedBy(0));
            assertEquals(32, pool.ownedBy(1));
            assertEquals(0, slots.owner(5), "a pinned slot stays with its worker");
            assertTrue(pool.lastAddedSettled());

            assertTrue(pool.grow());
            assertFalse(pool.grow(), "maxWorkers reached");
            pool.rebalance();
            assertEquals(64, pool.ownedBy(0) + pool.ownedBy(1) + pool.ownedBy(2));
            assertTrue(Math.abs(pool.ownedBy(1) - pool.ownedBy(2)) <= 1);

            // retire worker 2 while one of its slots is pinned
            int pinned = firstSlotOwnedBy(slots, 2);
            slots.acquire(pinned);
            assertTrue(pool.shrink());
            assertEquals(3, pool.liveCount(), "retiring workers keep running");
            pool.rebalance();
            pool.stopDrainedRetirees();
            assertEquals(1, pool.ownedBy(2));
            assertEquals(3, pool.liveCount());

            slots.release(pinned, 1);
            pool.rebalance();
            pool.stopDrainedRetirees();
            assertEquals(0, pool.ownedBy(2));
            assertEquals(2, pool.liveCount());
            assertFalse(pool.worker(2).isAlive());

            // growing again restarts the same worker object
            Worker before = pool.worker(2);
            assertTrue(pool.grow());
            assertEquals(before, pool.worker(2));
            assertTrue(before.isAlive());
            pool.rebalance();
            assertTrue(pool.ownedBy(2) > 0);

            assertTrue(pool.shrink());
            assertTrue(pool.shrink());
            assertFalse(pool.shrink(), "never below minWorkers");
            slots.release(5, 1);
            pool.rebalance();
            pool.stopDrainedRetirees();
            assertEquals(1, pool.liveCount());
            assertEquals(64, pool.ownedBy(0));
            for (int slot = 0; slot < 64; slot++) {
                assertEquals(0, slots.owner(slot));
            }
        } finally {
            for (Worker w : pool.stopAll()) {
                assertTrue(w.awaitStopped(5_000_000_000L));
            }
        }
    }

    private static int firstSlotOwnedBy(KeySlots slots, int worker) {
        for (int slot = 0; slot < slots.size(); slot++) {
            if (slots.owner(slot) == worker) {
                return slot;
            }
        }
        throw new AssertionError("worker " + worker + " owns no slot");
    }
}
