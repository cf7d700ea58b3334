package io.tributary.runtime.exec;

/**
 * Pending-count decrements a worker owes the {@link KeySlots} table, summed per slot over one
 * batch and applied when the batch ends: one atomic per distinct slot instead of one per message,
 * which keeps a hot slot's cache line from bouncing between producer and worker on every message.
 * Worker-thread only.
 */
final class PendingReleases {
    private final int[] countBySlot;
    private final int[] touched;
    private int touchedCount;

    PendingReleases(int keySlots, int maxBatch) {
        this.countBySlot = new int[keySlots];
        this.touched = new int[maxBatch];
    }

    void add(int slot) {
        if (countBySlot[slot]++ == 0) {
            touched[touchedCount++] = slot;
        }
    }

    /** Applies the decrements; call only after the messages' deliveries have returned. */
    void flush(KeySlots slots) {
        for (int i = 0; i < touchedCount; i++) {
            int slot = touched[i];
            slots.release(slot, countBySlot[slot]);
            countBySlot[slot] = 0;
        }
        touchedCount = 0;
    }
}
