package io.tributary.runtime.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstWriterCounterTest {

    @Test
    void countsOneThreadsAddsExactly() {
        FirstWriterCounter counter = new FirstWriterCounter();
        assertEquals(0, counter.sum());
        for (int i = 0; i < 1_000; i++) {
            counter.increment();
        }
        counter.add(24);
        assertEquals(1_024, counter.sum());
    }

    @Test
    void exactUnderConcurrentWritersWhateverThreadWinsOwnership() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int round = 0; round < 20; round++) {
                FirstWriterCounter counter = new FirstWriterCounter();
                int threads = 4;
                int perThread = 50_000;
                CountDownLatch start = new CountDownLatch(1);
                List<Thread> writers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int weight = t + 1; // different increments, so a lost or doubled add shows
                    Thread writer = new Thread(() -> {
                        await(start);
                        for (int i = 0; i < perThread; i++) {
                            if ((i & 1) == 0) {
                                counter.increment();
                                counter.add(weight - 1L);
                            } else {
                                counter.add(weight);
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
                long expected = (long) perThread * (1 + 2 + 3 + 4);
                assertEquals(expected, counter.sum(), "round " + round);
            }
        });
    }

    @Test
    void aReaderSeesAMonotonicCountThatEndsExact() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            FirstWriterCounter counter = new FirstWriterCounter();
            long total = 2_000_000;
            Thread writer = new Thread(() -> {
                for (long i = 0; i < total; i++) {
                    counter.increment();
                }
            });
            writer.start();
            long previous = 0;
            while (writer.isAlive()) {
                long now = counter.sum();
                assertTrue(now >= previous, "went back from " + previous + " to " + now);
                assertTrue(now <= total, "counted past the adds: " + now);
                previous = now;
                Thread.onSpinWait();
            }
            writer.join();
            assertEquals(total, counter.sum());
        });
    }

    @Test
    void laterThreadsCountAfterTheOwnerIsGone() throws InterruptedException {
        FirstWriterCounter counter = new FirstWriterCounter();
        Thread first = new Thread(() -> counter.add(10));
        first.start();
        first.join();
        Thread second = new Thread(() -> counter.add(5));
        second.start();
        second.join();
        counter.add(1);
        assertEquals(16, counter.sum());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
