package io.tributary.runtime.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeCountsTest {

    @Test
    void countsOneThreadsAddsExactlyAndKeepsTheThreeApart() {
        NodeCounts counts = new NodeCounts();
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
                NodeCounts counts = new NodeCounts();
                int threads = 4;
                int perThread = 50_000;
                CountDownLatch start = new CountDownLatch(1);
                List<Thread> writers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int weight = t + 1; // different increments, so a lost or doubled add shows
                    Thread writer = new Thread(() -> {
                        await(start);
                        for (int i = 0; i < perThread; i++) {
                            // as MeteredHandler does: one ownership check, then owner stores or adds
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
            NodeCounts counts = new NodeCounts();
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
        NodeCounts counts = new NodeCounts();
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
    void tallyViewsAddToAndReadTheirOwnCount() {
        NodeCounts counts = new NodeCounts();
        counts.inTally().add(4);
        counts.outTally().add(3);
        counts.errorsTally().add(1);
        assertEquals(4, counts.inTally().sum());
        assertEquals(3, counts.outTally().sum());
        assertEquals(1, counts.errorsTally().sum());
        assertEquals("in=4 out=3 errors=1", counts.toString());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
