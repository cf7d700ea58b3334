package io.tributary.runtime.exec;

import io.tributary.api.Envelope;
import io.tributary.api.EpochClock;
import io.tributary.api.Message;
import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static io.tributary.runtime.exec.Targets.blockWorker;
import static io.tributary.runtime.exec.Targets.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanePriorityTest {
    private static final EpochClock CLOCK = EpochClock.SYSTEM;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration NEVER = Duration.ofHours(1);

    /** A CRITICAL flood that cannot pause: every delivery submits the next message to the same lane. */
    static final class Flood implements DeliveryTarget {
        private final PriorityExecutor executor;
        final AtomicLong submitted = new AtomicLong();
        final AtomicLong delivered = new AtomicLong();
        volatile boolean stop;

        Flood(PriorityExecutor executor) {
            this.executor = executor;
        }

        void start(int depth) {
            for (int i = 0; i < depth; i++) {
                resubmit();
            }
        }

        private void resubmit() {
            if (submit(executor, CLOCK, Priority.CRITICAL, this, "flood", null, "f")) {
                submitted.incrementAndGet();
            }
        }

        /** Messages of the flood waiting in the CRITICAL ring right now (all on the one worker). */
        long backlog() {
            return submitted.get() - delivered.get();
        }

        @Override
        public void deliver(Envelope<Object> message) {
            delivered.incrementAndGet();
            if (!stop) {
                resubmit();
            }
        }

        @Override
        public String name() {
            return "flood";
        }
    }

    @Test
    void lowIsServedWithinItsBoundWhileCriticalIsFlooded() {
        Duration bound = Duration.ofMillis(20);
        ExecutorConfig config = ExecutorConfig.builder().fixedWorkers(1).maxWait(Priority.LOW, bound)
                .laneCapacity(Priority.CRITICAL, 256).idleSpins(10).idleYields(2).build();
        try (PriorityExecutor executor = new PriorityExecutor(config, CLOCK)) {
            Flood flood = new Flood(executor);
            flood.start(100);
            List<long[]> lowSeen = new ArrayList<>(); // {wait ns, critical backlog at delivery}
            Targets.Recording low = new Targets.Recording("low") {
                @Override
                public void deliver(Envelope<Object> message) {
                    synchronized (lowSeen) {
                        lowSeen.add(new long[] {CLOCK.nowNanos() - message.publishTimeNanos(), flood.backlog()});
                    }
                    super.deliver(message);
                }
            };
            for (int i = 0; i < 30; i++) {
                assertTrue(submit(executor, CLOCK, Priority.LOW, low, "ui", "k" + (i % 3), i));
                LockSupport.parkNanos(Duration.ofMillis(1).toNanos()); // spread the LOW arrivals, not a synchronisation
            }
            low.awaitCount(30, WAIT);
            flood.stop = true;

            synchronized (lowSeen) {
                assertTrue(lowSeen.get(0)[0] >= bound.toNanos(),
                        "the first LOW message can only have been served by being overdue: " + lowSeen.get(0)[0] + " ns");
                for (long[] seen : lowSeen) {
                    assertTrue(seen[0] < Duration.ofSeconds(2).toNanos(), "LOW waited " + seen[0] + " ns");
                    assertTrue(seen[1] >= 50, "LOW delivered while CRITICAL backlog was only " + seen[1]);
                }
            }
            assertTrue(flood.delivered.get() > 100, "CRITICAL kept flowing: " + flood.delivered.get());
            LaneStats lowStats = executor.laneStats(Priority.LOW);
            assertTrue(lowStats.maxWaitNanos() < Duration.ofSeconds(2).toNanos(), lowStats.toString());
        }
    }

    @Test
    void criticalDrainsBeforeALowerBacklog() throws Exception {
        ExecutorConfig config = ExecutorConfig.builder().fixedWorkers(1).maxWait(Priority.LOW, NEVER)
                .maxWait(Priority.NORMAL, NEVER).maxWait(Priority.HIGH, NEVER).idleSpins(10).idleYields(2).build();
        try (PriorityExecutor executor = new PriorityExecutor(config, CLOCK)) {
            Targets.Gate gate = blockWorker(executor, CLOCK, "gate");
            Targets.Recording target = new Targets.Recording("t");
            for (int i = 0; i < 100; i++) {
                assertTrue(submit(executor, CLOCK, Priority.LOW, target, "low", "k" + (i % 5), "L" + i));
                assertTrue(submit(executor, CLOCK, Priority.HIGH, target, "high", "k" + (i % 5), "H" + i));
                assertTrue(submit(executor, CLOCK, Priority.CRITICAL, target, "crit", "k" + (i % 5), "C" + i));
            }
            gate.release();
            target.awaitCount(300, WAIT);
            List<Message<Object>> all = target.messages();
            for (int i = 0; i < 100; i++) {
                assertEquals(Priority.CRITICAL, all.get(i).priority(), "delivery " + i + " was " + all.get(i));
            }
            // and within the lane, per key, publish order
            for (Priority lane : Priority.values()) {
                List<Object> lanePayloads = all.stream().filter(m -> m.priority() == lane && "k0".equals(m.key()))
                        .map(Message::payload).toList();
                for (int i = 1; i < lanePayloads.size(); i++) {
                    int prev = Integer.parseInt(((String) lanePayloads.get(i - 1)).substring(1));
                    int next = Integer.parseInt(((String) lanePayloads.get(i)).substring(1));
                    assertTrue(prev < next, lane + " k0 out of order: " + lanePayloads);
                }
            }
        }
    }

    @Test
    void highNormalAndLowShareByWeight() throws Exception {
        ExecutorConfig config = ExecutorConfig.builder().fixedWorkers(1).maxBatch(1).weights(8, 4, 1)
                .maxWait(Priority.LOW, NEVER).maxWait(Priority.NORMAL, NEVER).maxWait(Priority.HIGH, NEVER)
                .idleSpins(10).idleYields(2).build();
        try (PriorityExecutor executor = new PriorityExecutor(config, CLOCK)) {
            Targets.Gate gate = blockWorker(executor, CLOCK, "gate");
            Targets.Recording target = new Targets.Recording("t");
            for (int i = 0; i < 200; i++) {
                for (Priority lane : List.of(Priority.HIGH, Priority.NORMAL, Priority.LOW)) {
                    assertTrue(submit(executor, CLOCK, lane, target, "t", "k" + (i % 4), i));
                }
            }
            gate.release();
            target.awaitCount(600, WAIT);
            List<Message<Object>> first = target.messages().subList(0, 130); // ten full cycles of 8 + 4 + 1
            assertEquals(80, first.stream().filter(m -> m.priority() == Priority.HIGH).count());
            assertEquals(40, first.stream().filter(m -> m.priority() == Priority.NORMAL).count());
            assertEquals(10, first.stream().filter(m -> m.priority() == Priority.LOW).count());
        }
    }
}
