package io.tributary.runtime.exec;

import io.tributary.api.EpochClock;
import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One pooled thread and its four lane rings. It delivers the messages of the key slots it owns,
 * one lane batch at a time in the order {@link LanePicker} decides, and ends every batch by calling
 * {@code endOfBatch()} on the targets it touched and then releasing the slots' pending counts.
 *
 * <p>When idle it spins, then yields, then parks; a producer that publishes to a parked worker
 * unparks it (see {@link #wakeIfParked()}). A Worker object outlives its thread: when the scaler
 * retires it and later needs a worker again, it starts a new thread on the same rings and counters.
 */
final class Worker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    private static final VarHandle PARKED;
    private static final long BUSY = Long.MIN_VALUE;
    /** Waits are recorded for the first message of a batch and then one in {@code mask + 1}. */
    private static final int WAIT_SAMPLE_MASK = 7;

    static {
        try {
            PARKED = MethodHandles.lookup().findVarHandle(Worker.class, "parked", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int index;
    private final String name;
    private final LaneRing[] rings = new LaneRing[Priority.COUNT];
    private final LanePicker picker;
    private final EpochClock clock;
    private final KeySlots slots;
    private final ConflationTable[] conflation;
    private final WorkerMetrics metrics = new WorkerMetrics();
    private final BatchTargets batchTargets;
    private final PendingReleases pendingReleases;
    private final MutableEnvelope current = new MutableEnvelope();
    private final int maxBatch;
    private final long flushIntervalNanos;
    /**
     * Deliveries faster than this let {@link #drain} skip clock reads: 1 µs, where a clock read is
     * a few percent of a delivery, or less for very short flush intervals.
     */
    private final long fastDeliveryNanos;
    private final int idleSpins;
    private final int idleYields;
    private final boolean busySpin;
    /**
     * False for a fixed-size pool: a key's slot never moves, so nothing is pinned and nothing is
     * released (see {@link PriorityExecutor}); the executor counts pending work from
     * {@link #finished} and the rings instead.
     */
    private final boolean pinned;
    /** Messages taken from the rings whose batch has ended (cancelled cells included); single writer. */
    private final PaddedCounter finished = new PaddedCounter();

    /** Read by producers on every submit; written only when the worker parks or wakes. */
    private volatile boolean parked;
    private volatile boolean stopRequested;
    private volatile Thread thread;
    /** Its own object, so the worker's idle bookkeeping does not dirty the line producers read {@link #parked} from. */
    private final IdleTime idleTime = new IdleTime();
    private final Spill spill = new Spill();

    /** Idle accounting for the scaler; single writer (the worker). */
    private static final class IdleTime {
        /** System.nanoTime() when the current idle period began, or BUSY. */
        volatile long sinceNanos = BUSY;
        /** Idle time of finished idle periods. */
        volatile long totalNanos;
    }

    Worker(int index, ExecutorConfig config, EpochClock clock, KeySlots slots, ConflationTable[] conflation) {
        this.index = index;
        this.name = "tributary-worker-" + index;
        for (Priority lane : Priority.values()) {
            boolean dropping = config.overflowPolicy(lane) == OverflowPolicy.DROP_OLDEST;
            rings[lane.ordinal()] = new LaneRing(config.laneCapacity(lane), dropping);
        }
        this.picker = new LanePicker(rings, config);
        this.clock = clock;
        this.slots = slots;
        this.conflation = conflation;
        this.batchTargets = new BatchTargets(config.maxBatch());
        this.pendingReleases = new PendingReleases(config.keySlots(), config.maxBatch());
        this.maxBatch = config.maxBatch();
        this.flushIntervalNanos = config.flushIntervalNanos();
        this.fastDeliveryNanos = Math.min(1_000L, config.flushIntervalNanos() >> 6);
        this.idleSpins = config.idleSpins();
        this.idleYields = config.idleYields();
        this.busySpin = config.busySpin();
        this.pinned = config.maxWorkers() > config.minWorkers();
    }

    String name() {
        return name;
    }

    LaneRing ring(int lane) {
        return rings[lane];
    }

    WorkerMetrics metrics() {
        return metrics;
    }

    /** Starts a new thread on this worker; the previous thread, if any, must have ended. */
    void start() {
        stopRequested = false;
        parked = false;
        Thread t = new WorkerThread(this, name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Marks pool threads, so a publish from inside a delivery can be told apart (see {@link Spill}). */
    static final class WorkerThread extends Thread {
        final Worker worker;

        WorkerThread(Worker worker, String name) {
            super(worker, name);
            this.worker = worker;
        }
    }

    /** The worker of {@code slots}' executor running on this thread, or null for any other thread. */
    static Worker current(KeySlots slots) {
        return Thread.currentThread() instanceof WorkerThread w && w.worker.slots == slots ? w.worker : null;
    }

    /** Only for the owning thread, except {@link Spill#queued()}. */
    Spill spill() {
        return spill;
    }

    /** Asks the thread to end after the message it is delivering, leaving waiting messages where they are. */
    void requestStop() {
        stopRequested = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Waits for the thread to end; true if it has (or never ran). */
    boolean awaitStopped(long timeoutNanos) throws InterruptedException {
        Thread t = thread;
        if (t == null) {
            return true;
        }
        if (t == Thread.currentThread()) {
            return false; // shutdown called from a delivery: this thread ends when the delivery returns
        }
        TimeUnit.NANOSECONDS.timedJoin(t, Math.max(1, timeoutNanos));
        return !t.isAlive();
    }

    boolean isAlive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /**
     * Makes a claimed cell of one of this worker's rings visible, and wakes the worker if it sleeps.
     * A busy-spinning worker never sleeps, so it gets a plain release store and no wake-up check.
     */
    void publish(LaneRing ring, long pos) {
        if (busySpin) {
            ring.publishToSpinningConsumer(pos);
        } else {
            ring.publish(pos);
            wakeIfParked();
        }
    }

    /**
     * Called by a producer right after it published to one of this worker's rings. Cheap when the
     * worker is awake (one volatile read); the CAS makes sure only one producer pays for the unpark.
     */
    void wakeIfParked() {
        if (parked && PARKED.compareAndSet(this, true, false)) {
            LockSupport.unpark(thread);
        }
    }

    /** Messages waiting in all lanes. */
    int depth() {
        int depth = 0;
        for (LaneRing ring : rings) {
            depth += ring.size();
        }
        return depth;
    }

    /**
     * Messages this worker took from its rings whose batch has ended, whether delivered, failed or
     * cancelled; a release store per batch, read by {@link PriorityExecutor}'s drain check.
     */
    long finished() {
        return finished.get();
    }

    /** Enqueue time of the oldest message waiting in any lane, or {@link LaneRing#NO_MESSAGE}. */
    long oldestEnqueueNanos() {
        long oldest = LaneRing.NO_MESSAGE;
        for (LaneRing ring : rings) {
            oldest = Math.min(oldest, ring.oldestEnqueueNanos());
        }
        return oldest;
    }

    /** Total idle time up to {@code nowNanos} (System.nanoTime); may under-count by one idle period. */
    long idleNanos(long nowNanos) {
        long total = idleTime.totalNanos; // total before since: see endIdle() for why this order never double-counts
        long since = idleTime.sinceNanos;
        return since == BUSY ? total : total + Math.max(0, nowNanos - since);
    }

    @Override
    public void run() {
        int idle = 0;
        try {
            while (!stopRequested) {
                if ((!spill.isEmpty() && spill.flush() > 0) | runOnce()) {
                    if (idle != 0) {
                        endIdle();
                        idle = 0;
                    }
                    continue;
                }
                if (idle == 0) {
                    idleTime.sinceNanos = System.nanoTime();
                }
                if (busySpin) {
                    idle = 1;
                    Thread.onSpinWait();
                } else if (!spill.isEmpty()) {
                    idle = 1;
                    Thread.yield(); // never park holding spilled messages: nobody would wake us for room
                } else if (idle < idleSpins) {
                    idle++;
                    Thread.onSpinWait();
                } else if (idle < idleSpins + idleYields) {
                    idle++;
                    Thread.yield();
                } else {
                    idle = idleSpins + idleYields + 1;
                    park();
                }
            }
        } catch (Throwable t) {
            // only our own bug can get here (deliveries are guarded); say so loudly
            LOG.error("{} died; its key slots stop being served", name, t);
            throw t;
        } finally {
            if (idle != 0) {
                endIdle();
            }
        }
    }

    private void endIdle() {
        long since = idleTime.sinceNanos;
        // clear 'since' before adding to 'total': a reader that loads total then since sees either
        // both old values, both new, or the old total with BUSY (an under-count), never both counts
        idleTime.sinceNanos = BUSY;
        idleTime.totalNanos = idleTime.totalNanos + (System.nanoTime() - since);
    }

    private void park() {
        parked = true; // volatile write, then volatile reads below: pairs with LaneRing.publish + wakeIfParked
        if (stopRequested || anyMessageVolatile()) {
            parked = false;
            return;
        }
        LockSupport.park(this);
        parked = false;
        Thread.interrupted(); // a stray interrupt from a handler would turn every park into a spin
    }

    private boolean anyMessageVolatile() {
        for (LaneRing ring : rings) {
            if (ring.hasMessageVolatile()) {
                return true;
            }
        }
        return false;
    }

    private boolean anyMessage() {
        for (LaneRing ring : rings) {
            if (ring.hasMessage()) {
                return true;
            }
        }
        return false;
    }

    /** Drains one batch of the lane the picker chooses; false if there was nothing to do. */
    private boolean runOnce() {
        if (!anyMessage()) {
            return false; // no clock read on the idle path
        }
        long now = clock.nowNanos();
        int lane = picker.next(now);
        if (lane < 0) {
            return false;
        }
        drain(lane, picker.lastPickYieldsToCritical(), now);
        return true;
    }

    /**
     * Delivers up to {@code maxBatch} messages of one lane. The batch also ends after the first
     * delivery that starts {@code flushInterval} or more after the batch began. Knowing that takes
     * a clock read before every delivery, which costs as much as a short delivery (~25 ns); so
     * while the deliveries between two reads took under {@link #fastDeliveryNanos} each, the clock
     * is read only before every {@code WAIT_SAMPLE_MASK + 1}-th delivery (those that record a wait
     * anyway). A batch starts with a read per delivery, and goes back to it as soon as a read shows
     * slow deliveries; so with slow handlers the batch ends exactly as described, and with fast ones
     * at most {@code WAIT_SAMPLE_MASK} fast deliveries late.
     */
    private void drain(int lane, boolean yieldToCritical, long batchStart) {
        LaneRing ring = rings[lane];
        LaneRing critical = rings[0];
        int taken = 0;
        int cancelled = 0;
        long now = batchStart;
        long lastRead = batchStart;
        int takenAtLastRead = 0;
        boolean readEveryDelivery = true;
        while (taken < maxBatch && !stopRequested) {
            long pos = ring.tryTake();
            if (pos < 0) {
                break;
            }
            Cell cell = ring.cell(pos);
            DeliveryTarget target = cell.target;
            if (target == null) { // cancelled: claimed by a submit that then saw the shutdown
                cell.clearCell();
                ring.release(pos);
                cancelled++;
                continue;
            }
            int slot = cell.slot;
            long enqueued = load(cell, lane);
            cell.clearCell();
            ring.release(pos); // the ring has room again before the (possibly slow) delivery
            if (pinned) {
                pendingReleases.add(slot); // released only after endOfBatch: the slot stays pinned meanwhile
            }
            boolean sampleWait = (taken & WAIT_SAMPLE_MASK) == 0;
            if (taken > 0 && (sampleWait || readEveryDelivery)) {
                now = clock.nowNanos();
                readEveryDelivery = now - lastRead > (taken - takenAtLastRead) * fastDeliveryNanos;
                lastRead = now;
                takenAtLastRead = taken;
            }
            if (sampleWait) {
                metrics.recordWait(lane, now - enqueued); // sampled: recording costs as much as a delivery
            }
            taken++;
            batchTargets.add(target);
            deliver(lane, target);
            if (now - batchStart >= flushIntervalNanos || (yieldToCritical && critical.hasMessage())) {
                break;
            }
        }
        endBatch(lane, taken, cancelled);
    }

    /** Copies the cell's message into {@link #current}; returns its enqueue time. */
    private long load(Cell cell, int lane) {
        ConflationHolder holder = cell.holder;
        if (holder == null) {
            current.set(cell);
            return cell.enqueueNanos;
        }
        ConflatedMessage m = holder.take(); // never null: only this cell's consumer takes
        conflation[lane].taken(holder);
        current.set(m.id(), m.topic(), m.key(), m.payload(), m.priority(), m.publishTimeNanos(), m.headers());
        return m.enqueueNanos();
    }

    private void deliver(int lane, DeliveryTarget target) {
        try {
            target.deliver(current);
        } catch (Throwable t) {
            onFailure(lane, target, "deliver", t);
        } finally {
            current.clear();
        }
    }

    private void endBatch(int lane, int taken, int cancelled) {
        for (int i = 0, n = batchTargets.size(); i < n; i++) {
            DeliveryTarget target = batchTargets.get(i);
            try {
                target.endOfBatch();
            } catch (Throwable t) {
                onFailure(lane, target, "endOfBatch", t);
            }
        }
        batchTargets.clear();
        if (pinned) {
            pendingReleases.flush(slots);
        }
        if (taken > 0) {
            metrics.addDelivered(lane, taken);
        }
        if (taken + cancelled > 0) {
            finished.setRelease(finished.getPlain() + taken + cancelled); // after the deliveries and endOfBatch calls
        }
    }

    private void onFailure(int lane, DeliveryTarget target, String call, Throwable t) {
        long failures = metrics.addFailed(lane);
        if (Long.bitCount(failures) == 1) { // log the 1st, 2nd, 4th, 8th... so a failing target cannot flood the log
            LOG.warn("{}: {}.{} threw on lane {} (failure #{} of this lane on this worker); worker continues",
                    name, safeName(target), call, Priority.ofOrdinal(lane), failures, t);
        }
    }

    private static String safeName(DeliveryTarget target) {
        try {
            return target.name();
        } catch (RuntimeException e) {
            return target.getClass().getName();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
