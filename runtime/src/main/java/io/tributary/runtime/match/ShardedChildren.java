package io.tributary.runtime.match;

import java.util.function.BiConsumer;

/**
 * More than {@link LiteralChildren#FLAT_MAX} literal children, split into 32 shards by five bits
 * of the {@linkplain LiteralChildren#mix mixed} hash (the top five at level 0, the next five at
 * level 1, …). A change copies this 32-slot array and one shard. Below half of FLAT_MAX children
 * it turns back into one flat table.
 */
final class ShardedChildren<S> extends LiteralChildren<S> {

    /** Deepest level that still shards; tables below it only grow (reached only by hash floods). */
    static final int MAX_LEVEL = 5;
    private static final int SHARDS = 32;

    private final int level;
    private final LiteralChildren<S>[] shards;
    private final int size;

    private ShardedChildren(int level, LiteralChildren<S>[] shards, int size) {
        this.level = level;
        this.shards = shards;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    private static <S> ShardedChildren<S> empty(int level) {
        LiteralChildren<S>[] shards = (LiteralChildren<S>[]) new LiteralChildren<?>[SHARDS];
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = FlatChildren.empty(level + 1);
        }
        return new ShardedChildren<>(level, shards, 0);
    }

    @Override
    int size() {
        return size;
    }

    @Override
    TrieNode<S> get(String topic, int from, int to, int hash) {
        return shards[shardOf(hash)].get(topic, from, to, hash);
    }

    @Override
    LiteralChildren<S> with(String segment, TrieNode<S> child) {
        int shard = shardOf(segment.hashCode());
        return replace(shard, shards[shard].with(segment, child));
    }

    @Override
    LiteralChildren<S> without(String segment) {
        int shard = shardOf(segment.hashCode());
        LiteralChildren<S> changed = shards[shard].without(segment);
        if (changed == shards[shard]) {
            return this;
        }
        if (size - 1 <= FLAT_MAX / 2) {
            return FlatChildren.copyOf(level, this, size - 1, segment);
        }
        return replace(shard, changed);
    }

    /** The entries of {@code full}, a flat table at this level that has no room left, in shards. */
    static <S> ShardedChildren<S> split(int level, FlatChildren<S> full) {
        LiteralChildren<S>[] shards = ShardedChildren.<S>empty(level).shards.clone();  // filled in place: not yet published
        full.forEach((key, child) -> {
            int shard = shardOf(level, key.hashCode());
            shards[shard] = shards[shard].with(key, child);
        });
        return new ShardedChildren<>(level, shards, full.size());
    }

    @Override
    void forEach(BiConsumer<String, TrieNode<S>> action) {
        for (LiteralChildren<S> shard : shards) {
            shard.forEach(action);
        }
    }

    private ShardedChildren<S> replace(int shard, LiteralChildren<S> changed) {
        LiteralChildren<S>[] copy = shards.clone();
        copy[shard] = changed;
        return new ShardedChildren<>(level, copy, size - shards[shard].size() + changed.size());
    }

    private int shardOf(int hash) {
        return shardOf(level, hash);
    }

    private static int shardOf(int level, int hash) {
        return (mix(hash) >>> (27 - 5 * level)) & (SHARDS - 1);
    }
}
