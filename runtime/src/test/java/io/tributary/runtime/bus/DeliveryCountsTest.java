package io.tributary.runtime.bus;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryCountsTest {

    @Test
    void countsOneThreadsAddsExactlyAndKeepsTheThreeApart() {
        DeliveryCounts counts = new DeliveryCounts();
        assertFalse(counts.ownedBy(Thread.currentThread()), "nobody owns counts nothing was added to");
        for (int i = 0; i < 1_000; i++) {
            counts.addIn(1);
        }
        assertTrue(counts.ownedBy(Thread.currentThread()), "the first adder owns them");
        counts.addIn(24);
        counts.ownerOut();
        counts.addOut(2);
        counts.ownerError();
        counts.ownerIn();
        assertEquals(1_025, counts.in());
        assertEquals(3, counts.out());
        assertEquals(1, counts.errors());
    }

    @Test
    void exactUnderConcurrentWritersWhateverThreadWinsOwnership() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int round = 0; round < 20; round++) {
                DeliveryCounts counts = new DeliveryCounts();
                int threads = 4;
                int perThread = 50_000;
                CountDownLatch start = new CountDownLatch(1);
                List<Thread> writers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int weight = t + 1; // different increments, so a lost or doubled add shows
                    Thread writer = new Thread(() -> {
                        await(start);
                        for (int i = 0; i < perThread; i++) {
                            // as MeteredHandler and MeteredSubscriber do: one ownership check, then owner stores or adds
                            boolean owner = counts.ownedBy(Thread.currentThread());
                            if (owner) {
                                counts.ownerIn();
                            } else {
                                counts.addIn(1);
                            }
                            counts.addIn(weight - 1L);
                            if (owner) {
                                counts.ownerOut();
                            } else {
                                counts.addOut(1);
                            }
                            if ((i & 7) == 0) {
                                counts.addErrors(weight);
                            }
                        }
                    });
                    writer.start();
                    writers.add(writer);
                }
                start.countDown();
                for (Thread writer : writers) {
                    writer.join();
                }
                assertEquals((long) perThread * (1 + 2 + 3 + 4), counts.in(), "in, round " + round);
                assertEquals((long) perThread * threads, counts.out(), "out, round " + round);
                assertEquals((long) perThread / 8 * (1 + 2 + 3 + 4), counts.errors(), "errors, round " + round);
            }
        });
    }

    @Test
    void aReaderSeesAMonotonicCountThatEndsExact() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            DeliveryCounts counts = new DeliveryCounts();
            long total = 2_000_000;
            Thread writer = new Thread(() -> {
                for (long i = 0; i < total; i++) {
                    counts.addIn(1);
                }
            });
            writer.start();
            long previous = 0;
            while (writer.isAlive()) {
                long now = counts.in();
                assertTrue(now >= previous, "went back from " + previous + " to " + now);
                assertTrue(now <= total, "counted past the adds: " + now);
                previous = now;
                Thread.onSpinWait();
            }
            writer.join();
            assertEquals(total, counts.in());
        });
    }

    @Test
    void laterThreadsCountAfterTheOwnerIsGone() throws InterruptedException {
        DeliveryCounts counts = new DeliveryCounts();
        Thread first = new Thread(() -> counts.addIn(10));
        first.start();
        first.join();
        Thread second = new Thread(() -> {
            counts.addIn(5);
            counts.addOut(3); // not the owner of out either: one owner for the three
            assertFalse(counts.ownedBy(Thread.currentThread()));
        });
        second.start();
        second.join();
        counts.addIn(1);
        assertEquals(16, counts.in());
        assertEquals(3, counts.out());
    }

    @Test
    void theOwnersInCountIsReturnedForItsSamplingDecision() {
        DeliveryCounts counts = new DeliveryCounts();
        counts.addIn(1);
        assertEquals(0, counts.sampleMask(), "samples every message until told otherwise");
        assertEquals(2, counts.ownerIn());
        assertEquals(3, counts.ownerIn());
        counts.sampleMask(7);
        assertEquals(7, counts.sampleMask());
        assertEquals(3, counts.in());
        assertEquals("in=3 out=0 errors=0", counts.toString());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
