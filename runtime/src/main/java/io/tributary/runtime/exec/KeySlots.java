package io.tributary.runtime.exec;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which worker owns each (topic, key) hash slot, and how many of the slot's messages are accepted
 * but not yet fully handled.
 *
 * <p>One long per slot packs {@code owner << 32 | pending}. This is what keeps a key in order while
 * the pool scales:
 * <ul>
 *   <li>a producer {@link #acquire}s with one {@code getAndAdd(+1)}: it learns the owner and pins it
 *       in the same atomic step (wait-free, no CAS retry);</li>
 *   <li>the owning worker {@link #release}s after the messages were delivered (batched per drain);</li>
 *   <li>the scaler {@link #tryMove}s with a CAS from {@code (A, 0)} to {@code (B, 0)}, which can only
 *       succeed while nothing of that slot is queued or being delivered, so B never starts a key
 *       before A has finished it.</li>
 * </ul>
 * The atomics are full fences, so everything A did while delivering happens-before B's deliveries.
 * Each slot sits on its own 64-byte line so that hot keys of different producers do not false-share.
 *
 * <p>A fixed-size pool never moves a slot, so it only reads owners here and never pins
 * ({@link PriorityExecutor}'s class doc).
 */
final class KeySlots {
    /** Longs per slot: 8 × 8 bytes = one cache line. */
    private static final int STRIDE_SHIFT = 3;
    private static final long PENDING_MASK = 0xFFFF_FFFFL;

    private final AtomicLongArray table;
    private final int mask;

    /** Slot i starts owned by worker {@code i % initialWorkers}. */
    KeySlots(int slots, int initialWorkers) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, was " + slots);
        }
        this.table = new AtomicLongArray(slots << STRIDE_SHIFT);
        this.mask = slots - 1;
        for (int i = 0; i < slots; i++) {
            table.set(i << STRIDE_SHIFT, (long) (i % initialWorkers) << 32);
        }
    }

    int size() {
        return mask + 1;
    }

    /** The slot of (topic, key); a null key means the topic alone is the key. */
    int slotOf(String topic, Object key) {
        int h = topic.hashCode() * 31 + (key == null ? 0 : key.hashCode());
        // murmur3 finalizer: String/Integer hash codes are poorly spread in the low bits
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & mask;
    }

    /** Counts one more pending message for the slot and returns its owner, which cannot change until released. */
    int acquire(int slot) {
        return (int) (table.getAndAdd(slot << STRIDE_SHIFT, 1L) >>> 32);
    }

    /** Ends {@code count} pending messages of the slot (delivered, dropped, or refused). */
    void release(int slot, int count) {
        table.getAndAdd(slot << STRIDE_SHIFT, -count);
    }

    /** Moves an idle slot; false if the slot has pending messages or is not owned by {@code from}. */
    boolean tryMove(int slot, int from, int to) {
        return table.compareAndSet(slot << STRIDE_SHIFT, (long) from << 32, (long) to << 32);
    }

    int owner(int slot) {
        return (int) (table.get(slot << STRIDE_SHIFT) >>> 32);
    }

    long pending(int slot) {
        return table.get(slot << STRIDE_SHIFT) & PENDING_MASK;
    }

    /** Sum of pending messages over all slots (a moving snapshot). */
    long totalPending() {
        long sum = 0;
        for (int i = 0; i <= mask; i++) {
            sum += pending(i);
        }
        return sum;
    }
}
