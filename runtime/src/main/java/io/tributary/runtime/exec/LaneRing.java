package io.tributary.runtime.exec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One worker's bounded queue for one lane: a Vyukov-style array ring with a sequence number per
 * cell and preallocated {@link Cell}s, so enqueueing copies fields instead of allocating.
 *
 * <p>Producers (any thread) {@link #tryClaim()} a position with a CAS on the tail, write the cell,
 * then {@link #publish(long)} it (cell sequence {@code pos + 1}). The consumer {@link #tryTake()}s
 * the head, copies the cell out, and {@link #release(long)}s it so producers can reuse it.
 *
 * <p><b>Single consumer</b> (the owning worker; BLOCK, REJECT and CONFLATE lanes): releasing advances
 * the head (a release store on the worker's own line) and never touches the sequences, and producers
 * do not read the sequences either: they claim below a cached limit ({@code head + capacity}, the
 * JCTools {@code producerLimit} / Disruptor cached-gating-sequence idea) and re-read the head only
 * when they reach it. So per message the worker only reads lines producers wrote and producers never
 * read a line the worker wrote, except once per {@code capacity} messages or when the ring is full.
 *
 * <p><b>Shared consumers</b> (DROP_OLDEST lanes): producers may also take the head to discard it, so
 * the head advances by CAS when a message is taken and a cell is freed separately, by moving its
 * sequence to {@code pos + capacity} (free for the next lap), which is what producers then check.
 */
final class LaneRing {
    /** Returned by {@link #oldestEnqueueNanos()} when nothing is waiting. */
    static final long NO_MESSAGE = Long.MAX_VALUE;

    private static final VarHandle SEQ = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] sequences;
    private final Cell[] cells;
    private final int mask;
    private final int capacity;
    private final boolean sharedConsumers;
    /** Next position to claim; CASed by producers. */
    private final PaddedCounter tail = new PaddedCounter();
    /**
     * Single consumer: the oldest position not yet released; the consumer writes it. Shared: the
     * next position to take, CASed by the consumer and dropping producers.
     */
    private final PaddedCounter head = new PaddedCounter();
    /**
     * Single consumer: producers may claim below this without looking at the head; it is a head
     * they saw plus capacity. Producers only write it when they refresh it, so it stays in their
     * caches; a racing refresh may store an older (smaller) limit, which only costs another refresh.
     */
    private final PaddedCounter producerLimit = new PaddedCounter();

    LaneRing(int capacity, boolean sharedConsumers) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            // capacity 1 would make "published" (pos + 1) and "free for next lap" (pos + capacity) equal
            throw new IllegalArgumentException("capacity must be a power of two >= 2, was " + capacity);
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.sharedConsumers = sharedConsumers;
        this.sequences = new long[capacity];
        this.cells = new Cell[capacity];
        for (int i = 0; i < capacity; i++) {
            sequences[i] = i;
            cells[i] = new Cell();
        }
        producerLimit.setRelease(capacity);
    }

    int capacity() {
        return capacity;
    }

    /**
     * Claims the next free cell for writing.
     *
     * @return the position, or -1 when the ring is full (the cell for this lap still holds a message
     *         of the previous lap that was not taken and released yet)
     */
    long tryClaim() {
        return sharedConsumers ? tryClaimShared() : tryClaimBelowLimit();
    }

    private long tryClaimBelowLimit() {
        long t = tail.get();
        for (;;) {
            if (t >= producerLimit.get()) {
                // acquire: the consumer's reads of the cells below the head happen before our writes
                long limit = head.get() + capacity;
                if (t >= limit) {
                    return -1;
                }
                producerLimit.setRelease(limit);
            }
            if (tail.compareAndSet(t, t + 1)) {
                return t;
            }
            t = tail.get();
        }
    }

    private long tryClaimShared() {
        long t = tail.get();
        for (;;) {
            int idx = (int) t & mask;
            long s = (long) SEQ.getAcquire(sequences, idx);
            if (s == t) {
                if (tail.compareAndSet(t, t + 1)) {
                    return t;
                }
                t = tail.get();
            } else if (s < t) {
                return -1;
            } else {
                t = tail.get(); // another producer claimed t; our tail read was stale
            }
        }
    }

    /** The cell at a position returned by {@link #tryClaim()} or {@link #tryTake()}. */
    Cell cell(long pos) {
        return cells[(int) pos & mask];
    }

    /**
     * Makes a claimed cell visible to the consumer. A volatile store rather than a release store:
     * the producer reads the worker's {@code parked} flag right after, and that read must not be
     * reordered before this store (StoreLoad), or a worker going to sleep could miss the message.
     */
    void publish(long pos) {
        SEQ.setVolatile(sequences, (int) pos & mask, pos + 1);
    }

    /**
     * As {@link #publish(long)} but a release store (a plain {@code mov} on x86, no fence), for
     * a consumer that never parks and so needs no wake-up check after it.
     */
    void publishToSpinningConsumer(long pos) {
        SEQ.setRelease(sequences, (int) pos & mask, pos + 1);
    }

    /**
     * Takes the oldest published message. A single consumer must {@link #release(long)} it before
     * taking the next one.
     *
     * @return its position (read the cell, then {@link #release(long)} it), or -1 if none is published
     */
    long tryTake() {
        if (!sharedConsumers) {
            long h = head.getPlain(); // only this thread writes it
            long s = (long) SEQ.getAcquire(sequences, (int) h & mask);
            return s == h + 1 ? h : -1;
        }
        long h = head.get();
        for (;;) {
            long s = (long) SEQ.getAcquire(sequences, (int) h & mask);
            if (s == h + 1) {
                if (head.compareAndSet(h, h + 1)) {
                    return h;
                }
                h = head.get();
            } else if (s < h + 1) {
                return -1;
            } else {
                h = head.get(); // a dropping producer took h
            }
        }
    }

    /** Hands a taken cell back to producers for the next lap; the reads of the cell happen before. */
    void release(long pos) {
        if (sharedConsumers) {
            SEQ.setRelease(sequences, (int) pos & mask, pos + capacity);
        } else {
            head.setRelease(pos + 1);
        }
    }

    /**
     * Discards the oldest waiting message (DROP_OLDEST rings only).
     *
     * @return the key slot of the dropped message, or -1 if nothing was waiting
     */
    int dropOldest() {
        long pos = tryTake();
        if (pos < 0) {
            return -1;
        }
        Cell cell = cell(pos);
        int slot = cell.slot;
        cell.clearCell();
        release(pos);
        return slot;
    }

    /** True if the head cell is published (a cheap acquire read; may be stale by the time it is used). */
    boolean hasMessage() {
        long h = head.get();
        return (long) SEQ.getAcquire(sequences, (int) h & mask) > h;
    }

    /**
     * As {@link #hasMessage()} but with a volatile read, for the parking worker's last look: its
     * volatile write of {@code parked} and this read are totally ordered with the producer's
     * volatile publish and its read of {@code parked}, so one of the two sides sees the other.
     */
    boolean hasMessageVolatile() {
        long h = head.get();
        return (long) SEQ.getVolatile(sequences, (int) h & mask) > h;
    }

    /**
     * Enqueue time of the oldest waiting message, or {@link #NO_MESSAGE}. Safe from any thread: the
     * cell is re-validated after the read (seqlock style), so a concurrently recycled cell is not
     * mistaken for the head. (A single-consumer cell is only rewritten after the head moved past it,
     * so the head is re-checked too: its sequence does not change until the rewrite is published.)
     */
    long oldestEnqueueNanos() {
        long h = head.get();
        int idx = (int) h & mask;
        long s = (long) SEQ.getAcquire(sequences, idx);
        if (s != h + 1) {
            return NO_MESSAGE;
        }
        long enqueued = cells[idx].enqueueNanos;
        VarHandle.acquireFence(); // keep the plain read above before the re-checks below
        return (long) SEQ.getAcquire(sequences, idx) == s && head.get() == h ? enqueued : NO_MESSAGE;
    }

    /**
     * True when as many messages are claimed-but-not-taken as the ring holds. Not the same as
     * {@link #tryClaim()} failing: that also happens for an instant while the consumer has taken the
     * cell the tail needs but not yet released it, and dropping then would discard a message for
     * nothing.
     */
    boolean isFull() {
        long h = head.get();
        return tail.get() - h >= capacity;
    }

    /** Waiting messages (claimed but not yet taken); a moving snapshot. */
    int size() {
        long h = head.get(); // head first: the tail read after it is at least as new, so t - h >= 0
        long t = tail.get();
        return (int) Math.max(0, Math.min(capacity, t - h));
    }

    /**
     * Messages waiting, not counting cancelled cells (no target), for the shutdown report once the
     * consumer has stopped. A claimed cell not yet published is waited for until the deadline
     * (yielding), then counted as waiting; a cell taken meanwhile (a dropping producer) is skipped.
     */
    long waitingMessages(long deadlineNanos) {
        long waiting = 0;
        for (long pos = head.get(), t = tail.get(); pos < t; pos++) {
            int idx = (int) pos & mask;
            long s = (long) SEQ.getAcquire(sequences, idx);
            while (s < pos + 1 && System.nanoTime() - deadlineNanos < 0) {
                Thread.yield();
                s = (long) SEQ.getAcquire(sequences, idx);
            }
            if (s < pos + 1) {
                waiting++; // still being written after the deadline
            } else if (s == pos + 1 && (cells[idx].target != null || cells[idx].holder != null)) {
                waiting++;
            }
        }
        return waiting;
    }

    /** Messages ever claimed into this ring. */
    long claimedTotal() {
        return tail.get();
    }
}
