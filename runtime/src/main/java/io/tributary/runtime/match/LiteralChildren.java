package io.tributary.runtime.match;

import java.util.function.BiConsumer;

/**
 * The literal children of a trie node: an immutable hash map from segment text to child, looked
 * up by a region of the topic string so matching does not cut the topic into substrings.
 *
 * <p>Up to {@value #FLAT_MAX} children it is one open-addressing table ({@link FlatChildren});
 * beyond that it shards by hash bits into 32 smaller maps ({@link ShardedChildren}), recursively.
 * Reads cost one probe, plus one hop per shard level for very wide nodes; a change copies one
 * small table and the shard arrays above it, so subscribing 100,000 topics under one node stays
 * cheap instead of quadratic.
 */
abstract class LiteralChildren<S> {

    /** A flat table holds at most this many children before it splits into shards. */
    static final int FLAT_MAX = 64;

    /** Same value as {@code topic.substring(from, to).hashCode()}, without the substring. */
    static int hash(String topic, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + topic.charAt(i);
        }
        return h;
    }

    /**
     * Murmur3's finalizer. {@link String#hashCode()} of similar keys ({@code SYM1}, {@code SYM2})
     * differ only in their low bits; mixed, every bit depends on every input bit.
     */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    static <S> LiteralChildren<S> empty() {
        return FlatChildren.empty(0);
    }

    abstract int size();

    /** The child for segment {@code topic[from, to)}, whose {@link #hash} is {@code hash}, or null. */
    abstract TrieNode<S> get(String topic, int from, int to, int hash);

    final TrieNode<S> get(String segment) {
        return get(segment, 0, segment.length(), segment.hashCode());
    }

    /** A copy with {@code segment} mapped to {@code child} (added or replaced). */
    abstract LiteralChildren<S> with(String segment, TrieNode<S> child);

    /** A copy without {@code segment}; {@code this} if it is absent. */
    abstract LiteralChildren<S> without(String segment);

    abstract void forEach(BiConsumer<String, TrieNode<S>> action);
}
