package io.tributary.runtime.match;

import io.tributary.api.TopicPattern;

/**
 * Everything a resolve needs, immutable, published as a whole through one volatile field: readers
 * see either the state before a subscription change or the state after it, never a mix. Each
 * snapshot has its own result cache, so replacing the snapshot is also the cache invalidation.
 */
final class Snapshot<S> {

    final long version;
    final int patternCount;
    final ResultCache<TopicMatcher.Match<S>> cache;
    private final int cacheCapacity;
    private final TrieNode<S> trie;
    private final NautilusPatterns<S> nautilus;
    private final SubscriberSet<S> none;

    private Snapshot(long version, int patternCount, TrieNode<S> trie, NautilusPatterns<S> nautilus,
            SubscriberSet<S> none, int cacheCapacity) {
        this.version = version;
        this.patternCount = patternCount;
        this.trie = trie;
        this.nautilus = nautilus;
        this.none = none;
        this.cacheCapacity = cacheCapacity;
        this.cache = new ResultCache<>(cacheCapacity);
    }

    static <S> Snapshot<S> empty(S[] emptyArray, int cacheCapacity) {
        SubscriberSet<S> none = SubscriberSet.none(emptyArray);
        return new Snapshot<>(0, 0, TrieNode.root(none), NautilusPatterns.empty(), none, cacheCapacity);
    }

    /** The subscribers whose patterns match {@code topic}, in rank order, each once. */
    S[] match(String topic) {
        Hits<S> hits = new Hits<>();
        TrieMatch.collect(trie, topic, hits);
        nautilus.collect(topic, hits);
        return hits.subscribers(none.array());
    }

    TrieNode<S> trie() {
        return trie;
    }

    Snapshot<S> with(TopicPattern pattern, Ranked<S> subscriber, int patterns) {
        if (pattern.syntax() == TopicPattern.Syntax.NAUTILUS) {
            return next(patterns, trie, nautilus.with(pattern, subscriber, none));
        }
        return next(patterns, trie.with(pattern, 0, subscriber), nautilus);
    }

    Snapshot<S> without(TopicPattern pattern, Ranked<S> subscriber, int patterns) {
        if (pattern.syntax() == TopicPattern.Syntax.NAUTILUS) {
            return next(patterns, trie, nautilus.without(pattern, subscriber));
        }
        TrieNode<S> left = trie.without(pattern, 0, subscriber);
        return next(patterns, left == null ? TrieNode.root(none) : left, nautilus);
    }

    private Snapshot<S> next(int patterns, TrieNode<S> trie, NautilusPatterns<S> nautilus) {
        return new Snapshot<>(version + 1, patterns, trie, nautilus, none, cacheCapacity);
    }
}
