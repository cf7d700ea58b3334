package io.tributary.runtime.exec;

import io.tributary.api.Envelope;
import io.tributary.api.EpochClock;
import io.tributary.api.Message;
import io.tributary.api.Priority;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Test targets and helpers shared by the executor tests. */
final class Targets {
    private static final AtomicLong IDS = new AtomicLong();

    private Targets() {
    }

    /** Submits with a fresh id, the lane as priority and the clock's time as publish time. */
    static boolean submit(PriorityExecutor executor, EpochClock clock, Priority lane, DeliveryTarget target,
                          String topic, Object key, Object payload) {
        return executor.submit(lane, target, IDS.incrementAndGet(), topic, key, payload, lane, clock.nowNanos(), null);
    }

    /** Polls until the condition holds; fails with the message after the timeout. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }

    /** Records copies of everything delivered, plus the endOfBatch calls in the same event log. */
    static class Recording implements DeliveryTarget {
        private final String name;
        private final List<Message<Object>> messages = new ArrayList<>();
        private final List<String> events = new ArrayList<>();
        private final List<String> threads = new ArrayList<>();

        Recording(String name) {
            this.name = name;
        }

        @Override
        public void deliver(Envelope<Object> message) {
            synchronized (this) {
                messages.add(message.copy());
                events.add(String.valueOf(message.payload()));
                threads.add(Thread.currentThread().getName());
            }
        }

        @Override
        public synchronized void endOfBatch() {
            events.add("|");
        }

        @Override
        public String name() {
            return name;
        }

        synchronized int count() {
            return messages.size();
        }

        synchronized List<Message<Object>> messages() {
            return new ArrayList<>(messages);
        }

        synchronized List<Object> payloads() {
            List<Object> p = new ArrayList<>();
            for (Message<Object> m : messages) {
                p.add(m.payload());
            }
            return p;
        }

        synchronized List<String> events() {
            return new ArrayList<>(events);
        }

        synchronized List<String> threads() {
            return new ArrayList<>(threads);
        }

        void awaitCount(int n, Duration timeout) {
            await(name + " receives " + n + " messages (has " + count() + ")", timeout, () -> count() >= n);
        }
    }

    /**
     * A target whose every delivery blocks until {@link #release()}: submit one message to it to
     * hold a worker inside a delivery, so later messages for that worker queue up deterministically.
     */
    static final class Gate implements DeliveryTarget {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile Thread blockedThread;

        @Override
        public void deliver(Envelope<Object> message) {
            blockedThread = Thread.currentThread();
            entered.countDown();
            try {
                if (!released.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public String name() {
            return "gate";
        }

        /** Waits until a worker is blocked inside this target. */
        void awaitEntered() throws InterruptedException {
            if (!entered.await(10, TimeUnit.SECONDS)) {
                fail("no worker entered the gate");
            }
        }

        void release() {
            released.countDown();
        }

        Thread blockedThread() {
            return blockedThread;
        }
    }

    /** Holds a worker in {@link Gate} via a CRITICAL message and returns the gate. */
    static Gate blockWorker(PriorityExecutor executor, EpochClock clock, String topic) throws InterruptedException {
        Gate gate = new Gate();
        if (!submit(executor, clock, Priority.CRITICAL, gate, topic, null, "gate")) {
            fail("gate message refused");
        }
        gate.awaitEntered();
        return gate;
    }

    /** A clock the test moves by hand. */
    static final class ManualClock implements EpochClock {
        private final AtomicLong now = new AtomicLong(1_000_000_000L);

        @Override
        public long nowNanos() {
            return now.get();
        }

        void advance(Duration d) {
            now.addAndGet(d.toNanos());
        }
    }
}
