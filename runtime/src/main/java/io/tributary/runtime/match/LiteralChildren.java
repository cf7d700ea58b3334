package io.tributary.runtime.match;

/**
 * The literal children of a trie node: an immutable open-addressing hash table from segment text
 * to child, looked up by a region of the topic string so matching does not cut the topic into
 * substrings. The region hash is {@link String#hashCode()}'s formula. Load factor at most 1/2,
 * linear probing.
 *
 * <p>{@link #with} and {@link #without} copy the table: O(children) per subscription change,
 * which is the price of lock-free reads over a structure that changes rarely.
 */
final class LiteralChildren<S> {

    private static final LiteralChildren<?> EMPTY = withCapacityFor(0);

    private final String[] keys;
    private final int[] hashes;   // keys' hashes, so a probe touches a key string only on a likely hit
    private final TrieNode<S>[] children;
    private final int size;

    private LiteralChildren(String[] keys, int[] hashes, TrieNode<S>[] children, int size) {
        this.keys = keys;
        this.hashes = hashes;
        this.children = children;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <S> LiteralChildren<S> empty() {
        return (LiteralChildren<S>) EMPTY;
    }

    /** Same value as {@code topic.substring(from, to).hashCode()}, without the substring. */
    static int hash(String topic, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + topic.charAt(i);
        }
        return h;
    }

    int size() {
        return size;
    }

    /** The child for segment {@code topic[from, to)} whose {@link #hash} is {@code hash}, or null. */
    TrieNode<S> get(String topic, int from, int to, int hash) {
        int length = to - from;
        int mask = keys.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            String key = keys[i];
            if (key == null) {
                return null;
            }
            if (hashes[i] == hash && key.length() == length && topic.regionMatches(from, key, 0, length)) {
                return children[i];
            }
        }
    }

    TrieNode<S> get(String segment) {
        return get(segment, 0, segment.length(), segment.hashCode());
    }

    /** A copy with {@code segment} mapped to {@code child} (added or replaced). */
    LiteralChildren<S> with(String segment, TrieNode<S> child) {
        int grown = get(segment) == null ? size + 1 : size;
        LiteralChildren<S> copy = withCapacityFor(grown);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null && !keys[i].equals(segment)) {
                copy.put(keys[i], children[i]);
            }
        }
        copy.put(segment, child);
        return copy;
    }

    /** A copy without {@code segment}. */
    LiteralChildren<S> without(String segment) {
        if (get(segment) == null) {
            return this;
        }
        if (size == 1) {
            return empty();
        }
        LiteralChildren<S> copy = withCapacityFor(size - 1);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null && !keys[i].equals(segment)) {
                copy.put(keys[i], children[i]);
            }
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static <S> LiteralChildren<S> withCapacityFor(int entries) {
        int capacity = Integer.highestOneBit(Math.max(1, entries) * 2 - 1) << 1;
        return new LiteralChildren<>(new String[capacity], new int[capacity], (TrieNode<S>[]) new TrieNode<?>[capacity],
                entries);
    }

    /** Only while building a fresh copy, before it is published. */
    private void put(String key, TrieNode<S> child) {
        int mask = keys.length - 1;
        int i = spread(key.hashCode()) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        hashes[i] = key.hashCode();
        children[i] = child;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
