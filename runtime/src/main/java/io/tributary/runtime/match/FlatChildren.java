package io.tributary.runtime.match;

import java.util.function.BiConsumer;

/**
 * Up to {@link LiteralChildren#FLAT_MAX} literal children in one open-addressing table: load
 * factor at most 1/2, linear probing, hashes kept beside the keys so a probe touches a key string
 * only on a likely hit. Changes rebuild the table.
 */
final class FlatChildren<S> extends LiteralChildren<S> {

    @SuppressWarnings("rawtypes")
    private static final FlatChildren[] EMPTY = new FlatChildren[ShardedChildren.MAX_LEVEL + 2];

    static {
        for (int level = 0; level < EMPTY.length; level++) {
            EMPTY[level] = withCapacityFor(level, 0);
        }
    }

    /** Shard depth: at {@link ShardedChildren#MAX_LEVEL} and below the table no longer splits. */
    private final int level;
    private final String[] keys;
    private final int[] hashes;
    private final TrieNode<S>[] children;
    private final int size;

    private FlatChildren(int level, String[] keys, int[] hashes, TrieNode<S>[] children, int size) {
        this.level = level;
        this.keys = keys;
        this.hashes = hashes;
        this.children = children;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <S> FlatChildren<S> empty(int level) {
        return (FlatChildren<S>) EMPTY[level];
    }

    /** A table of every entry of {@code source}, optionally without {@code skipped}. */
    static <S> FlatChildren<S> copyOf(int level, LiteralChildren<S> source, int size, String skipped) {
        FlatChildren<S> copy = withCapacityFor(level, size);
        source.forEach((key, child) -> {
            if (!key.equals(skipped)) {
                copy.put(key, child);
            }
        });
        return copy;
    }

    @Override
    int size() {
        return size;
    }

    @Override
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

    @Override
    LiteralChildren<S> with(String segment, TrieNode<S> child) {
        boolean added = get(segment) == null;
        if (added && size == FLAT_MAX && level < ShardedChildren.MAX_LEVEL) {
            return ShardedChildren.split(level, this).with(segment, child);
        }
        FlatChildren<S> copy = copyOf(level, this, added ? size + 1 : size, segment);
        copy.put(segment, child);
        return copy;
    }

    @Override
    LiteralChildren<S> without(String segment) {
        return get(segment) == null ? this : copyOf(level, this, size - 1, segment);
    }

    @Override
    void forEach(BiConsumer<String, TrieNode<S>> action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                action.accept(keys[i], children[i]);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> FlatChildren<S> withCapacityFor(int level, int entries) {
        int capacity = Integer.highestOneBit(Math.max(1, entries) * 2 - 1) << 1;
        return new FlatChildren<>(level, new String[capacity], new int[capacity],
                (TrieNode<S>[]) new TrieNode<?>[capacity], entries);
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
