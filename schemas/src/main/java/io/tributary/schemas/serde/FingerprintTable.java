package io.tributary.schemas.serde;

/**
 * Fingerprint → value map read on every message without boxing or locking: open addressing over
 * a long[] with a copy-on-write publish, since entries are added a handful of times per process
 * and read millions of times per second. Fingerprints are CRC-64 values, so their low bits are
 * already well spread.
 */
final class FingerprintTable<V> {

    private static final class Slots {
        final long[] keys;
        final Object[] values;
        final int size;

        Slots(int capacity, int size) {
            this.keys = new long[capacity];
            this.values = new Object[capacity];
            this.size = size;
        }
    }

    private volatile Slots slots = new Slots(16, 0);

    @SuppressWarnings("unchecked")
    V get(long fingerprint) {
        Slots s = slots;
        int mask = s.keys.length - 1;
        for (int i = (int) fingerprint & mask; ; i = (i + 1) & mask) {
            Object v = s.values[i];
            if (v == null) {
                return null;
            }
            if (s.keys[i] == fingerprint) {
                return (V) v;
            }
        }
    }

    /** Adds or replaces; the new table is published whole, readers never see a half-written one. */
    synchronized void put(long fingerprint, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value");
        }
        Slots old = slots;
        boolean present = get(fingerprint) != null;
        int size = present ? old.size : old.size + 1;
        int capacity = old.keys.length;
        while (size * 2 > capacity) {
            capacity *= 2;
        }
        Slots fresh = new Slots(capacity, size);
        for (int i = 0; i < old.keys.length; i++) {
            if (old.values[i] != null && old.keys[i] != fingerprint) {
                insert(fresh, old.keys[i], old.values[i]);
            }
        }
        insert(fresh, fingerprint, value);
        slots = fresh;
    }

    int size() {
        return slots.size;
    }

    private static void insert(Slots s, long key, Object value) {
        int mask = s.keys.length - 1;
        int i = (int) key & mask;
        while (s.values[i] != null) {
            i = (i + 1) & mask;
        }
        s.keys[i] = key;
        s.values[i] = value;
    }
}
