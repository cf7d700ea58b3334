package io.tributary.runtime.exec;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeySlotsTest {

    @Test
    void slotsStartRoundRobinOverTheInitialWorkers() {
        KeySlots slots = new KeySlots(64, 3);
        assertEquals(0, slots.owner(0));
        assertEquals(1, slots.owner(1));
        assertEquals(2, slots.owner(2));
        assertEquals(0, slots.owner(3));
    }

    @Test
    void hashingIsStableInRangeAndSpread() {
        KeySlots slots = new KeySlots(64, 1);
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            int slot = slots.slotOf("data.quotes", "BTC" + i);
            assertTrue(slot >= 0 && slot < 64);
            assertEquals(slot, slots.slotOf("data.quotes", "BTC" + i));
            used.add(slot);
        }
        assertTrue(used.size() > 56, "1000 keys should reach most of 64 slots, reached " + used.size());
        assertEquals(slots.slotOf("t", null), slots.slotOf(new String("t"), null));
    }

    @Test
    void aSlotMovesOnlyWhenNothingIsPending() {
        KeySlots slots = new KeySlots(64, 2);
        int slot = 4; // owned by worker 0
        assertEquals(0, slots.acquire(slot));
        assertEquals(0, slots.acquire(slot));
        assertEquals(2, slots.pending(slot));
        assertFalse(slots.tryMove(slot, 0, 1), "pending messages pin the slot");
        slots.release(slot, 1);
        assertFalse(slots.tryMove(slot, 0, 1));
        slots.release(slot, 1);
        assertFalse(slots.tryMove(slot, 1, 0), "wrong current owner");
        assertTrue(slots.tryMove(slot, 0, 1));
        assertEquals(1, slots.owner(slot));
        assertEquals(1, slots.acquire(slot));
        assertEquals(1, slots.totalPending());
    }
}
