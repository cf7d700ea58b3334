package io.tributary.runtime.transport;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RecentIds: a bounded FIFO set of message ids, cache-friendly slots, one probe per add. */
class RecentIdsTest {

    @Test
    void dropsARepeatedIdAndForgetsTheOldestAtCapacity() {
        RecentIds ids = new RecentIds(3);
        assertTrue(ids.add(10));
        assertFalse(ids.add(10));
        assertTrue(ids.add(0));          // 0 is a real id, not "free"
        assertFalse(ids.add(0));
        assertTrue(ids.add(-5));
        assertTrue(ids.add(11));         // evicts 10
        assertEquals(3, ids.size());
        assertTrue(ids.add(10));         // forgotten, so new again (evicts 0)
        assertTrue(ids.add(0));
    }

    @Test
    void behavesLikeABoundedFifoSetUnderRandomIds() {
        Random random = new Random(7);
        int capacity = 100;
        RecentIds ids = new RecentIds(capacity);
        ArrayDeque<Long> order = new ArrayDeque<>();
        HashSet<Long> model = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            long id = random.nextInt(400) - 200;   // many collisions and repeats, some in the same slot
            boolean expectNew = !model.contains(id);
            assertEquals(expectNew, ids.add(id), "id " + id + " at step " + i);
            if (expectNew) {
                if (order.size() == capacity) {
                    model.remove(order.removeFirst());
                }
                order.addLast(id);
                model.add(id);
            }
        }
        for (long id = -200; id < 200; id++) {
            assertEquals(model.contains(id), ids.contains(id), "id " + id);
        }
    }

    @Test
    void interleavedSequencesOfSeveralPublishersStayExact() {
        // sequential ids from three publishers with random starts, the way the Redis publisher numbers them
        Random random = new Random(11);
        long[] next = {random.nextLong() & Long.MAX_VALUE, random.nextLong() & Long.MAX_VALUE, 1L << 20};
        int capacity = 4_096;
        RecentIds ids = new RecentIds(capacity);
        ArrayDeque<Long> order = new ArrayDeque<>();
        for (int i = 0; i < 100_000; i++) {
            long id = next[random.nextInt(3)]++;
            assertTrue(ids.add(id), () -> "new id " + id);
            order.addLast(id);
            if (order.size() > capacity) {
                order.removeFirst();
            }
            if (i % 97 == 0) {
                // a redelivery of something recent is dropped
                Long recent = order.peekLast();
                assertFalse(ids.add(recent));
            }
        }
        for (long id : order) {
            assertTrue(ids.contains(id), () -> "remembered " + id);
        }
        assertEquals(capacity, ids.size());
    }

    @Test
    void rejectsANonPositiveCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new RecentIds(0));
    }
}
