package io.tributary.runtime.exec;

import io.tributary.api.EpochClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The workers and who owns which key slot. Producers only call {@link #worker(int)}; everything
 * that changes the pool runs on the scaler thread (or in the constructor, or during shutdown after
 * the scaler has stopped), so the bookkeeping arrays here are plain.
 *
 * <p>Worker indexes are stable: a retired worker keeps its index, rings and counters and is
 * restarted on a new thread when the pool grows again.
 */
final class WorkerPool {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    private static final byte INACTIVE = 0;
    private static final byte ACTIVE = 1;
    private static final byte RETIRING = 2;

    private final ExecutorConfig config;
    private final EpochClock clock;
    private final KeySlots slots;
    private final ConflationTable[] conflation;
    /** Written before any slot points at the worker; producers read it after the slot's atomic, so they see it. */
    private final AtomicReferenceArray<Worker> workers;
    private final byte[] state;
    private final int[] owned;
    private int activeCount;
    private int lastAdded = -1;
    private volatile int liveCount;

    WorkerPool(ExecutorConfig config, EpochClock clock, KeySlots slots, ConflationTable[] conflation) {
        this.config = config;
        this.clock = clock;
        this.slots = slots;
        this.conflation = conflation;
        int max = config.maxWorkers();
        this.workers = new AtomicReferenceArray<>(max);
        this.state = new byte[max];
        this.owned = new int[max];
        for (int slot = 0; slot < slots.size(); slot++) {
            owned[slots.owner(slot)]++;
        }
        for (int i = 0; i < config.minWorkers(); i++) {
            activate(i);
        }
    }

    Worker worker(int index) {
        return workers.get(index);
    }

    /** Workers with a running thread (active or retiring). */
    int liveCount() {
        return liveCount;
    }

    /** Every worker ever created, for counters and leftovers. */
    List<Worker> created() {
        List<Worker> list = new ArrayList<>();
        for (int i = 0; i < workers.length(); i++) {
            Worker w = workers.get(i);
            if (w != null) {
                list.add(w);
            }
        }
        return list;
    }

    // ---- scaler thread only below ----

    int maxWorkers() {
        return state.length;
    }

    int activeCount() {
        return activeCount;
    }

    int ownedBy(int index) {
        return owned[index];
    }

    boolean hasRetiring() {
        for (byte s : state) {
            if (s == RETIRING) {
                return true;
            }
        }
        return false;
    }

    boolean isActive(int index) {
        return state[index] == ACTIVE;
    }

    /** True when the last worker added has had the chance to take its share of slots (or is gone). */
    boolean lastAddedSettled() {
        return lastAdded < 0 || state[lastAdded] != ACTIVE || owned[lastAdded] >= slots.size() / activeCount / 2;
    }

    /** Adds capacity: takes back a retiring worker if there is one, else starts a new one. False at maxWorkers. */
    boolean grow() {
        for (int i = state.length - 1; i >= 0; i--) {
            if (state[i] == RETIRING) {
                state[i] = ACTIVE;
                activeCount++;
                lastAdded = i;
                LOG.debug("worker {} un-retired", i);
                return true;
            }
        }
        for (int i = 0; i < state.length; i++) {
            Worker previous = workers.get(i);
            // a thread that did not stop in time after retiring must not share its rings with a new one
            if (state[i] == INACTIVE && (previous == null || !previous.isAlive())) {
                activate(i);
                lastAdded = i;
                return true;
            }
        }
        return false;
    }

    /** Starts retiring the highest-index active worker; its slots move away as they drain. */
    boolean shrink() {
        if (activeCount <= config.minWorkers()) {
            return false;
        }
        for (int i = state.length - 1; i >= 0; i--) {
            if (state[i] == ACTIVE) {
                state[i] = RETIRING;
                activeCount--;
                LOG.debug("retiring worker {}", i);
                return true;
            }
        }
        return false;
    }

    /**
     * Moves idle slots: every slot of a retiring worker to the active worker owning fewest, and
     * slots from active workers to the one owning fewest while that narrows the gap, until all
     * active workers own within one slot of each other. A slot only moves while it
     * has no pending message ({@link KeySlots#tryMove}), so no key is ever reordered.
     */
    void rebalance() {
        if (activeCount == 0 || balanced()) {
            return;
        }
        int to = leastOwnedActive();
        for (int slot = 0, n = slots.size(); slot < n; slot++) {
            int from = slots.owner(slot);
            if (state[from] != RETIRING && owned[from] <= owned[to] + 1) {
                continue; // moving would not narrow the gap between most and least loaded
            }
            if (from != to && slots.tryMove(slot, from, to)) {
                owned[from]--;
                owned[to]++;
                to = leastOwnedActive();
            }
        }
    }

    /** Stops retiring workers that own no slot any more; their rings are empty since every message pinned a slot. */
    void stopDrainedRetirees() throws InterruptedException {
        for (int i = 0; i < state.length; i++) {
            if (state[i] == RETIRING && owned[i] == 0) {
                Worker w = workers.get(i);
                w.requestStop();
                // it owns nothing and has nothing queued, so it is idle and ends promptly
                if (!w.awaitStopped(1_000_000_000L)) {
                    LOG.warn("{} did not stop within 1 s after retiring", w.name());
                }
                state[i] = INACTIVE;
                liveCount--;
                LOG.debug("worker {} stopped", i);
            }
        }
    }

    /** True if a live worker has a deep queue or an old message. */
    boolean underPressure(int depthThreshold, long waitThresholdNanos) {
        long now = clock.nowNanos();
        for (int i = 0; i < state.length; i++) {
            if (state[i] == INACTIVE) {
                continue;
            }
            Worker w = workers.get(i);
            if (w.depth() >= depthThreshold) {
                return true;
            }
            long oldest = w.oldestEnqueueNanos();
            if (oldest != LaneRing.NO_MESSAGE && now - oldest >= waitThresholdNanos) {
                return true;
            }
        }
        return false;
    }

    /** Idle nanos of each worker into {@code idle} (index order; 0 for workers never created). */
    long[] idleNanos(long nowNanos, long[] idle) {
        for (int i = 0; i < state.length; i++) {
            Worker w = workers.get(i);
            idle[i] = w == null ? 0 : w.idleNanos(nowNanos);
        }
        return idle;
    }

    /** Busy time of the active workers between two {@link #idleNanos} samples {@code elapsed} apart. */
    long activeBusyNanos(long[] idleBefore, long[] idleNow, long elapsedNanos) {
        long busy = 0;
        for (int i = 0; i < state.length; i++) {
            if (state[i] == ACTIVE) {
                busy += Math.max(0, elapsedNanos - (idleNow[i] - idleBefore[i]));
            }
        }
        return busy;
    }

    /** Marks all workers as stopping and returns the live ones (shutdown, after the scaler stopped). */
    List<Worker> stopAll() {
        List<Worker> live = new ArrayList<>();
        for (int i = 0; i < state.length; i++) {
            if (state[i] != INACTIVE) {
                Worker w = workers.get(i);
                w.requestStop();
                live.add(w);
                state[i] = INACTIVE;
            }
        }
        activeCount = 0;
        liveCount = 0;
        return live;
    }

    private void activate(int index) {
        Worker w = workers.get(index);
        if (w == null) {
            w = new Worker(index, config, clock, slots, conflation);
            workers.set(index, w); // volatile store, before any slot can name this index
        }
        w.start();
        state[index] = ACTIVE;
        activeCount++;
        liveCount++;
        LOG.debug("worker {} started ({} active)", index, activeCount);
    }

    private boolean balanced() {
        int floor = slots.size() / activeCount;
        for (int i = 0; i < state.length; i++) {
            if (state[i] == RETIRING && owned[i] > 0) {
                return false;
            }
            if (state[i] == ACTIVE && (owned[i] < floor || owned[i] > floor + 1)) {
                return false;
            }
        }
        return true;
    }

    private int leastOwnedActive() {
        int best = -1;
        for (int i = 0; i < state.length; i++) {
            if (state[i] == ACTIVE && (best < 0 || owned[i] < owned[best])) {
                best = i;
            }
        }
        return best;
    }
}
