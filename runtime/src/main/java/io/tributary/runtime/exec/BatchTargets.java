package io.tributary.runtime.exec;

/**
 * The distinct targets that received messages in the current batch, so each gets one
 * {@link DeliveryTarget#endOfBatch()} when the batch ends. An identity open-addressing set sized
 * for a full batch: no allocation per message or per batch. Worker-thread only.
 */
final class BatchTargets {
    private final DeliveryTarget[] table;
    private final int mask;
    private final DeliveryTarget[] inOrder;
    private final int[] positions;
    private int count;
    private DeliveryTarget last;

    BatchTargets(int maxBatch) {
        int size = Integer.highestOneBit(Math.max(2, maxBatch) * 2 - 1) << 1; // power of two >= 2 × maxBatch
        this.table = new DeliveryTarget[size];
        this.mask = size - 1;
        this.inOrder = new DeliveryTarget[maxBatch];
        this.positions = new int[maxBatch];
    }

    void add(DeliveryTarget target) {
        if (target == last) {
            return; // the common case: a run of messages for one target
        }
        last = target;
        int i = System.identityHashCode(target) & mask;
        for (;;) {
            DeliveryTarget present = table[i];
            if (present == null) {
                table[i] = target;
                positions[count] = i;
                inOrder[count++] = target;
                return;
            }
            if (present == target) {
                return;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return count;
    }

    DeliveryTarget get(int index) {
        return inOrder[index];
    }

    void clear() {
        for (int i = 0; i < count; i++) {
            table[positions[i]] = null;
            inOrder[i] = null;
        }
        count = 0;
        last = null;
    }
}
