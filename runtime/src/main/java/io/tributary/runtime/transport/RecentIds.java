package io.tributary.runtime.transport;

/**
 * The last {@code capacity} message ids seen, to drop redeliveries: a ring of ids in arrival order and
 * an open-addressing hash set over them, so a lookup allocates nothing. The oldest id is forgotten when
 * a new one arrives at capacity. Not thread-safe: one per consuming thread. Shared by the Kafka and
 * Redis lane consumers, which both drop redelivered message ids this way.
 */
public final class RecentIds {
    private static final long EMPTY = 0L;   // id 0 is tracked by a flag: the table uses 0 as "free"

    private final long[] ring;
    private final long[] table;
    private final int mask;
    private int head;
    private int size;
    private boolean hasZero;

    public RecentIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        ring = new long[capacity];
        int tableSize = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;   // load factor <= 0.5
        table = new long[tableSize];
        mask = tableSize - 1;
    }

    /** @return true if {@code id} is new (and now remembered), false if it was seen recently */
    public boolean add(long id) {
        int free = -1;
        if (id == EMPTY) {
            if (hasZero) {
                return false;
            }
        } else {
            // one probe finds the id or the free slot it would go into (a look-up here is a cache miss)
            free = slot(id);
            for (long v; (v = table[free]) != EMPTY; free = (free + 1) & mask) {
                if (v == id) {
                    return false;
                }
            }
        }
        if (size == ring.length) {
            remove(ring[head]);
            if (free >= 0) {
                free = freeSlot(id);   // the removal may have opened a slot earlier in the run: cache-hot now
            }
        } else {
            size++;
        }
        ring[head] = id;
        head = head + 1 == ring.length ? 0 : head + 1;
        if (id == EMPTY) {
            hasZero = true;
        } else {
            table[free] = id;
        }
        return true;
    }

    public boolean contains(long id) {
        if (id == EMPTY) {
            return hasZero;
        }
        for (int i = slot(id); ; i = (i + 1) & mask) {
            long v = table[i];
            if (v == EMPTY) {
                return false;
            }
            if (v == id) {
                return true;
            }
        }
    }

    public int size() {
        return size;
    }

    private int freeSlot(long id) {
        int i = slot(id);
        while (table[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Linear-probing delete with backward shift, so no tombstones accumulate. */
    private void remove(long id) {
        if (id == EMPTY) {
            hasZero = false;
            return;
        }
        int i = slot(id);
        while (table[i] != id) {
            if (table[i] == EMPTY) {
                return;
            }
            i = (i + 1) & mask;
        }
        int hole = i;
        for (int j = (hole + 1) & mask; table[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(table[j]);
            // move j into the hole if its home is not cyclically in (hole, j]
            boolean homeInRange = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!homeInRange) {
                table[hole] = table[j];
                hole = j;
            }
        }
        table[hole] = EMPTY;
    }

    /**
     * Eight consecutive ids share a cache line: a publisher numbers its messages in sequence, so a run
     * of lookups touches one line per eight ids instead of one per id; the groups of eight are spread.
     */
    private int slot(long id) {
        long h = (id >>> 3) * 0x9E3779B97F4A7C15L;
        return (int) (((h ^ (h >>> 32)) << 3) | (id & 7)) & mask;
    }
}
