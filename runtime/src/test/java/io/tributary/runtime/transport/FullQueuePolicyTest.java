package io.tributary.runtime.transport;

import io.tributary.api.OverflowPolicy;
import org.jctools.queues.MpmcArrayQueue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FullQueuePolicyTest {
    private static MpmcArrayQueue<String> full() {
        MpmcArrayQueue<String> q = new MpmcArrayQueue<>(2);
        q.offer("a");
        q.offer("b");
        return q;
    }

    private static List<String> drain(MpmcArrayQueue<String> q) {
        List<String> out = new ArrayList<>();
        q.drain(out::add);
        return out;
    }

    @Test
    void rejectRefusesAndKeepsWhatWasQueued() {
        MpmcArrayQueue<String> q = full();
        AtomicInteger dropped = new AtomicInteger();
        assertFalse(FullQueuePolicy.offer(q, "c", OverflowPolicy.REJECT, Duration.ofSeconds(1), () -> true, () -> { },
                dropped::incrementAndGet));
        assertEquals(List.of("a", "b"), drain(q));
        assertEquals(0, dropped.get());
    }

    @Test
    void dropOldestAndConflateMakeRoomByDroppingTheOldestAndCountIt() {
        for (OverflowPolicy policy : new OverflowPolicy[] {OverflowPolicy.DROP_OLDEST, OverflowPolicy.CONFLATE}) {
            MpmcArrayQueue<String> q = full();
            AtomicInteger dropped = new AtomicInteger();
            assertTrue(FullQueuePolicy.offer(q, "c", policy, Duration.ofSeconds(1), () -> true, () -> { },
                    dropped::incrementAndGet));
            assertEquals(List.of("b", "c"), drain(q), policy.name());
            assertEquals(1, dropped.get(), policy.name());
        }
    }

    @Test
    void blockWaitsForRoomWakingTheConsumerAndRefusesAfterItsTimeout() {
        MpmcArrayQueue<String> q = full();
        AtomicInteger wakes = new AtomicInteger();
        assertFalse(FullQueuePolicy.offer(q, "c", OverflowPolicy.BLOCK, Duration.ofMillis(20), () -> true,
                wakes::incrementAndGet, () -> { }), "nobody made room: refused after the timeout");
        assertTrue(wakes.get() > 0, "the consumer was woken while the publisher waited");
        assertEquals(List.of("a", "b"), drain(q));

        MpmcArrayQueue<String> q2 = full();
        assertTrue(FullQueuePolicy.offer(q2, "c", OverflowPolicy.BLOCK, Duration.ofSeconds(30), () -> true,
                q2::poll, () -> { }), "the woken consumer took one: room");
        assertEquals(List.of("b", "c"), drain(q2));

        MpmcArrayQueue<String> q3 = full();
        assertFalse(FullQueuePolicy.offer(q3, "c", OverflowPolicy.BLOCK, Duration.ofSeconds(30), () -> false,
                () -> { }, () -> { }), "a closing transport does not keep its publisher waiting");
    }
}
