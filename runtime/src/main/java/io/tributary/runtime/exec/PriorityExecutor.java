package io.tributary.runtime.exec;

import io.tributary.api.EpochClock;
import io.tributary.api.Headers;
import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The in-process priority executor: delivers messages to {@link DeliveryTarget}s on a pool of
 * worker threads, by lane (CRITICAL > HIGH > NORMAL > LOW), keeping messages with the same
 * (topic, key) in order within a lane whatever the number of workers.
 *
 * <p><b>How.</b> (topic, key) hashes to one of {@code keySlots} slots; each slot is owned by one
 * worker ({@link KeySlots}), and each worker has one bounded ring per lane ({@link LaneRing}). A
 * submit pins the slot, copies the message into a preallocated cell of the owner's ring and wakes the
 * owner if it sleeps. A slot moves to another worker only when none of its messages is queued or
 * being delivered, so scaling never reorders a key. Lane choice per worker: {@link LanePicker}.
 * Pool size: {@link Scaler}, unless {@code minWorkers == maxWorkers}.
 *
 * <p><b>Fixed-size pools</b> ({@code minWorkers == maxWorkers}) do not pin: slots never move, so a
 * key's worker is a fixed function of its hash and per-key FIFO needs nothing more than the ring.
 * That saves the pin's locked read-modify-write per message (the largest single cost of a submit
 * when measured) and the worker's per-batch releases. What the pins also did, telling the shutdown
 * when everything accepted has been handled, is then counted per worker instead: ring claims
 * (tails) minus messages whose batch ended, minus drops, plus what waits in a worker's spill.
 * A submit that claims a cell and then sees the shutdown started publishes the cell as cancelled
 * (no target; the worker skips it) and throws, just as a pinned submit that sees it.
 *
 * <p><b>Lane max wait.</b> Measured from enqueue (the executor's clock at submit), not from
 * {@code publishTimeNanos}: messages that crossed Kafka or Redis arrive with an old publish time,
 * and would otherwise all count as overdue and pre-empt CRITICAL.
 *
 * <p><b>Allocation.</b> None per message on BLOCK, REJECT and DROP_OLDEST lanes. CONFLATE lanes
 * allocate a small immutable snapshot and a lookup key per message ({@link ConflatedMessage}).
 *
 * <p>Thread-safe. {@link #submit} may be called from any thread, including from a delivery.
 */
public final class PriorityExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PriorityExecutor.class);
    private static final int RUNNING = 0;
    private static final int DRAINING = 1;
    private static final int TERMINATED = 2;
    private static final long MAX_BLOCK_PARK_NANOS = 1_000_000L;

    /** Extra time given to workers to finish the delivery in hand after the grace. */
    private static final long STOP_GRACE_NANOS = 100_000_000L;

    private final ExecutorConfig config;
    private final EpochClock clock;
    private final KeySlots slots;
    /** Pools that can scale pin each message's key slot; fixed-size pools need not (see the class doc). */
    private final boolean pinned;
    private final OverflowPolicy[] policies = new OverflowPolicy[Priority.COUNT];
    private final ConflationTable[] conflation = new ConflationTable[Priority.COUNT];
    private final LaneCounters counters = new LaneCounters();
    private final WaitStats waitStats = new WaitStats();
    private final WorkerPool pool;
    private final ScheduledExecutorService scaler;
    private final Object shutdownLock = new Object();
    private volatile int state = RUNNING;
    private ShutdownReport report;

    /** Starts {@code config.minWorkers()} workers (and the scaler thread if the pool may grow). */
    public PriorityExecutor(ExecutorConfig config, EpochClock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (Priority lane : Priority.values()) {
            policies[lane.ordinal()] = config.overflowPolicy(lane);
            conflation[lane.ordinal()] = new ConflationTable();
        }
        this.slots = new KeySlots(config.keySlots(), config.minWorkers());
        this.pinned = config.maxWorkers() > config.minWorkers();
        this.pool = new WorkerPool(config, clock, slots, conflation);
        if (config.maxWorkers() > config.minWorkers()) {
            Scaler task = new Scaler(pool, config);
            scaler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tributary-scaler");
                t.setDaemon(true);
                return t;
            });
            long interval = config.scaleCheckIntervalNanos();
            scaler.scheduleWithFixedDelay(task, interval, interval, TimeUnit.NANOSECONDS);
        } else {
            scaler = null;
        }
    }

    public ExecutorConfig config() {
        return config;
    }

    /**
     * Enqueues delivery of one message to {@code target} on {@code lane}. FIFO per (topic, key)
     * within a lane, for any worker count (between calls made by one thread; calls racing on
     * different threads have no order to keep).
     *
     * @param publishTimeNanos when the bus published the message, from the same clock as this
     *        executor's; it is also the enqueue time that waits and max-wait bounds are measured
     *        from (the bus stamps every publish itself, so it is never an old time carried in from
     *        Kafka or Redis), which saves a second clock read per message (~25 ns here)
     * @param headers null is taken as {@link Headers#EMPTY}
     * @return true if accepted; false if refused (REJECT on a full lane, or BLOCK / CONFLATE that
     *         waited {@code blockTimeout} for room, or BLOCK cut short by the end of a shutdown).
     *         DROP_OLDEST always accepts (dropping the oldest waiting message); CONFLATE accepts
     *         (replacing a waiting message of the same target, topic and key)
     * @throws IllegalStateException after shutdown started; in a fixed-size pool also when a submit
     *         that was waiting for room gets it after the shutdown started (a pinned one would be
     *         delivered by the drain; an unpinned claim may come after the drain looked)
     * @throws NullPointerException  if lane, target, topic or priority is null
     */
    public boolean submit(Priority lane, DeliveryTarget target, long id, String topic, Object key, Object payload,
                          Priority priority, long publishTimeNanos, Headers headers) {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(priority, "priority");
        Headers h = headers == null ? Headers.EMPTY : headers;
        int l = lane.ordinal();
        if (policies[l] == OverflowPolicy.CONFLATE) {
            return submitConflated(l, target, id, topic, key, payload, priority, publishTimeNanos, h);
        }
        int slot = slots.slotOf(topic, key);
        int owner = acquire(slot);
        // pinned: acquire() is a volatile read-modify-write, so this read cannot float above it;
        // shutdown() writes state and then reads every slot's pending count: one of the two sees the
        // other. Not pinned: an early check only; the one that counts follows the ring claim
        if (state != RUNNING) {
            release(slot);
            throw closed(lane, topic);
        }
        Worker worker = pool.worker(owner);
        LaneRing ring = worker.ring(l);
        Worker self = Worker.current(slots);
        if (self != null && !self.spill().isEmpty()) {
            // behind what this worker already spilled, whatever the lane: its order must hold
            self.spill().add(worker, l, target, slot, id, topic, key, payload, priority, publishTimeNanos, h);
            return true;
        }
        long pos = ring.tryClaim();
        if (pos < 0) {
            if (self != null && policies[l] == OverflowPolicy.BLOCK) {
                counters.spilled(l);
                self.spill().add(worker, l, target, slot, id, topic, key, payload, priority, publishTimeNanos, h);
                return true;
            }
            pos = onFull(l, ring, worker);
            if (pos < 0) {
                release(slot);
                return false;
            }
        }
        if (!pinned && state != RUNNING) {
            cancel(ring, pos, worker);
            throw closed(lane, topic);
        }
        Cell cell = ring.cell(pos);
        cell.set(id, topic, key, payload, priority, publishTimeNanos, h);
        cell.target = target;
        cell.slot = slot;
        cell.enqueueNanos = publishTimeNanos;
        worker.publish(ring, pos);
        return true;
    }

    private boolean submitConflated(int lane, DeliveryTarget target, long id, String topic, Object key,
                                    Object payload, Priority priority, long publishTimeNanos, Headers headers) {
        if (state != RUNNING) {
            throw closed(Priority.ofOrdinal(lane), topic);
        }
        long now = publishTimeNanos; // enqueue time, see submit()
        ConflationKey ck = new ConflationKey(target, topic, key);
        ConflatedMessage message = new ConflatedMessage(id, topic, key, payload, priority, publishTimeNanos, headers, now);
        if (conflation[lane].tryReplace(ck, message)) {
            counters.conflated(lane);
            return true;
        }
        int slot = slots.slotOf(topic, key);
        int owner = acquire(slot);
        if (state != RUNNING) {
            release(slot);
            throw closed(Priority.ofOrdinal(lane), topic);
        }
        Worker worker = pool.worker(owner);
        LaneRing ring = worker.ring(lane);
        long pos = ring.tryClaim();
        if (pos < 0) {
            pos = awaitRoom(lane, ring, worker); // more distinct keys waiting than the ring holds
            if (pos < 0) {
                release(slot);
                return false;
            }
        }
        if (!pinned && state != RUNNING) {
            cancel(ring, pos, worker);
            throw closed(Priority.ofOrdinal(lane), topic);
        }
        ConflationHolder holder = new ConflationHolder(ck, message);
        Cell cell = ring.cell(pos);
        cell.holder = holder;
        cell.target = target;
        cell.slot = slot;
        cell.enqueueNanos = now;
        ring.publish(pos);
        conflation[lane].register(holder); // only now may later messages conflate into it
        worker.wakeIfParked();
        return true;
    }

    /** Pins the slot if this pool pins (see the class doc); returns the worker that owns it. */
    private int acquire(int slot) {
        return pinned ? slots.acquire(slot) : slots.owner(slot);
    }

    /** Undoes {@link #acquire} for one message that was not accepted, or was dropped. */
    private void release(int slot) {
        if (pinned) {
            slots.release(slot, 1);
        }
    }

    /**
     * A fixed pool's submit claimed a cell and then saw the shutdown: a claimed cell cannot be given
     * back, so it is published empty, which the worker skips (and counts as finished).
     */
    private static void cancel(LaneRing ring, long pos, Worker worker) {
        ring.cell(pos).clearCell();
        worker.publish(ring, pos);
    }

    /** The ring is full: apply the lane's policy. Returns a claimed position or -1 (already counted). */
    private long onFull(int lane, LaneRing ring, Worker worker) {
        switch (policies[lane]) {
            case REJECT:
                counters.rejected(lane);
                return -1;
            case DROP_OLDEST:
                for (int attempt = 0; ; attempt++) {
                    int droppedSlot = ring.isFull() ? ring.dropOldest() : -1;
                    if (droppedSlot >= 0) {
                        release(droppedSlot);
                        counters.dropped(lane);
                    } else if (attempt < config.idleSpins()) {
                        Thread.onSpinWait(); // the worker is between taking and releasing the cell we need
                    } else {
                        Thread.yield(); // ...and may have been descheduled there
                    }
                    long pos = ring.tryClaim();
                    if (pos >= 0) {
                        return pos;
                    }
                }
            default:
                return awaitRoom(lane, ring, worker);
        }
    }

    /**
     * BLOCK: spin, then yield, then park with growing pauses (up to 1 ms) until the ring has room,
     * {@code blockTimeout} passes, or the executor has terminated. Workers do not signal producers;
     * the pauses stay short so a freed cell is noticed quickly.
     */
    private long awaitRoom(int lane, LaneRing ring, Worker worker) {
        long deadline = System.nanoTime() + config.blockTimeoutNanos();
        int spins = config.idleSpins();
        int yields = spins + config.idleYields();
        long parkNanos = 1_000;
        worker.wakeIfParked();
        for (int attempt = 0; ; attempt++) {
            long pos = ring.tryClaim();
            if (pos >= 0) {
                return pos;
            }
            if (System.nanoTime() - deadline >= 0 || state == TERMINATED) {
                counters.rejected(lane);
                return -1;
            }
            if (attempt < spins) {
                Thread.onSpinWait();
            } else if (attempt < yields) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(this, parkNanos);
                parkNanos = Math.min(parkNanos * 2, MAX_BLOCK_PARK_NANOS);
            }
        }
    }

    private IllegalStateException closed(Priority lane, String topic) {
        return new IllegalStateException("PriorityExecutor is shut down: cannot submit to lane " + lane
                + " (topic " + topic + ")");
    }

    /**
     * An immutable snapshot of one lane, summed over all workers; counters and wait percentiles are
     * since the executor started (see {@link LaneStats}).
     */
    public LaneStats laneStats(Priority lane) {
        int l = lane.ordinal();
        List<Worker> workers = pool.created();
        long claimed = 0;
        long delivered = 0;
        long failed = 0;
        long depth = 0;
        for (Worker w : workers) {
            LaneRing ring = w.ring(l);
            depth += ring.size();
            claimed += ring.claimedTotal();
            delivered += w.metrics().delivered(l);
            failed += w.metrics().failed(l);
        }
        long conflated = counters.conflated(lane);
        long[] waits = waitStats.percentiles(l, workers);
        return new LaneStats(lane, policies[l], claimed + conflated, delivered, counters.dropped(lane), conflated,
                counters.rejected(lane), failed, depth, waits[0], waits[1], waits[2]);
    }

    /** True once {@link #shutdown} has started; {@link #submit} throws from then on. */
    public boolean isShutdown() {
        return state != RUNNING;
    }

    /** Worker threads running now (including workers being retired); 0 after shutdown. */
    /**
     * Messages a worker's own deliveries published while the lane's ring was full, queued in that
     * worker instead of blocking it (see {@code Spill}); they are delivered, in order, not lost.
     */
    public long spilled(Priority lane) {
        return counters.spilled(lane);
    }

    public int workerCount() {
        return pool.liveCount();
    }

    /**
     * Stops accepting ({@link #submit} throws from now on), lets the workers deliver what is queued
     * for up to {@code grace}, then stops them (each finishes the delivery in hand; at most 100 ms
     * more is spent waiting for that). Idempotent: later calls return the first report.
     * Do not call it from inside a delivery: the delivery in hand keeps its key pending, so the
     * drain cannot complete before the grace runs out.
     */
    public ShutdownReport shutdown(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        synchronized (shutdownLock) {
            if (report != null) {
                return report;
            }
            long start = System.nanoTime();
            long deadline = start + Math.max(0, grace.toNanos());
            long[] deliveredBefore = deliveredByLane();
            state = DRAINING; // volatile write, then the pending reads in awaitDrained: see submit()
            boolean interrupted = stopScaler(deadline);
            boolean drained = awaitDrained(deadline);
            state = TERMINATED;
            List<Worker> live = pool.stopAll();
            int notStopped = 0;
            long stopDeadline = Math.max(deadline, System.nanoTime()) + STOP_GRACE_NANOS;
            for (Worker w : live) {
                try {
                    if (!w.awaitStopped(stopDeadline - System.nanoTime())) {
                        notStopped++;
                        LOG.warn("{} is still inside a delivery after the shutdown grace; left running as a daemon",
                                w.name());
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                    notStopped++;
                }
            }
            long[] deliveredAfter = deliveredByLane();
            long[] deliveredDuringDrain = new long[Priority.COUNT];
            long[] leftOver = new long[Priority.COUNT];
            long settleDeadline = System.nanoTime() + STOP_GRACE_NANOS;
            for (int l = 0; l < Priority.COUNT; l++) {
                deliveredDuringDrain[l] = deliveredAfter[l] - deliveredBefore[l];
                for (Worker w : pool.created()) {
                    // a fixed pool's submit may have claimed a cell just before it saw the shutdown:
                    // wait for it to publish the cell cancelled rather than report it as left over
                    leftOver[l] += pinned ? w.ring(l).size() : w.ring(l).waitingMessages(settleDeadline);
                }
            }
            report = new ShutdownReport(drained, Duration.ofNanos(System.nanoTime() - start),
                    deliveredDuringDrain, leftOver, notStopped);
            if (!drained) {
                LOG.warn("shutdown grace {} too short: {}", grace, report);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return report;
        }
    }

    /** {@code shutdown(config.shutdownGrace())}. */
    @Override
    public void close() {
        shutdown(config.shutdownGrace());
    }

    /** Worker index owning the (topic, key) slot right now; for tests. */
    int ownerOf(String topic, Object key) {
        return slots.owner(slots.slotOf(topic, key));
    }

    private boolean stopScaler(long deadline) {
        if (scaler == null) {
            return false;
        }
        scaler.shutdownNow();
        try {
            // a check takes microseconds; wait past the grace if needed, the pool must be stable now
            if (!scaler.awaitTermination(Math.max(deadline - System.nanoTime(), 1_000_000_000L), TimeUnit.NANOSECONDS)) {
                LOG.warn("scaler did not stop");
            }
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    /** Waits until no accepted message is queued or being delivered, or the deadline passes. */
    private boolean awaitDrained(long deadline) {
        long pause = 10_000;
        for (;;) {
            if (pending() == 0) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(this, Math.min(pause, Math.max(1, deadline - System.nanoTime())));
            pause = Math.min(pause * 2, 1_000_000L);
        }
    }

    /**
     * Messages accepted and not yet handled (a moving snapshot; never below the true count once
     * no submit is in progress). Pinned pools: the slots' pending counts. Fixed pools: per worker,
     * read in this order so that each later read is at least as new as the ones it is compared
     * with: messages finished and dropped, spilled ones still waiting, then ring claims.
     */
    private long pending() {
        if (pinned) {
            return slots.totalPending();
        }
        List<Worker> workers = pool.created();
        long handled = 0;
        for (Worker w : workers) {
            handled += w.finished();
        }
        for (Priority lane : Priority.values()) {
            handled += counters.dropped(lane);
        }
        long waiting = 0;
        for (Worker w : workers) {
            waiting += w.spill().queued();
        }
        for (Worker w : workers) {
            for (int l = 0; l < Priority.COUNT; l++) {
                waiting += w.ring(l).claimedTotal();
            }
        }
        return waiting - handled;
    }

    private long[] deliveredByLane() {
        long[] delivered = new long[Priority.COUNT];
        for (Worker w : pool.created()) {
            for (int l = 0; l < Priority.COUNT; l++) {
                delivered[l] += w.metrics().delivered(l);
            }
        }
        return delivered;
    }

    @Override
    public String toString() {
        return "PriorityExecutor[workers=" + workerCount() + ", " + config + "]";
    }
}
