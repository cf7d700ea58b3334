package io.tributary.runtime.match;

import io.tributary.api.TopicPattern;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Topic → subscribers, for many patterns at once. {@link TopicPattern.Syntax#TRIBUTARY} patterns
 * live in a segment trie (literal children in a hash table, {@code *}, {@code **} and in-segment
 * globs as their own edges), matched in one pass over the topic; NAUTILUS patterns are kept in a
 * list and matched by glob. Results are cached per topic, up to {@code cacheCapacity} entries.
 *
 * <h2>Results</h2>
 * A subscriber appears at most once per result, even when several of its patterns match, and
 * subscribers appear in the order they were first added. A subscriber that loses its last pattern
 * is forgotten: added again, it goes to the end. Subscribers are told apart by
 * {@code equals}/{@code hashCode}. A (pattern, subscriber) pair is held at most once: adding it
 * again changes nothing.
 *
 * <h2>Threads</h2>
 * {@link #resolve} is lock-free and may run on any number of threads, concurrently with
 * {@link #add} and {@link #remove}. The whole state is an immutable snapshot published through a
 * volatile field, so each resolve sees the matcher before or after each change, never in
 * between. Writers take a lock and copy the path they change (per segment: one node and one small
 * hash table, plus the subscriber array of the pattern): writes are expected to be rare next to
 * resolves. Replacing the snapshot also drops its cache, which is the whole invalidation.
 *
 * <h2>Cost</h2>
 * A cached resolve is one {@code ConcurrentHashMap} lookup. An uncached one walks the topic once,
 * keeping the set of active trie nodes (each {@code **} keeps its node active), so it grows with
 * the number of patterns that share prefixes with the topic, not with the number of patterns;
 * NAUTILUS patterns are the exception, each one tried in turn.
 *
 * @param <S> the subscriber type
 */
public final class TopicMatcher<S> {

    /** The subscribers of one topic, as of one matcher {@link #version()}. Immutable. */
    public static final class Match<S> {
        private final String topic;
        private final long version;
        private final S[] subscribers;

        private Match(String topic, long version, S[] subscribers) {
            this.topic = topic;
            this.version = version;
            this.subscribers = subscribers;
        }

        /** Shared array: callers must not modify it. Empty, never null, when nothing matches. */
        public S[] subscribers() {
            return subscribers;
        }

        /** The matcher version this result was computed at; compare with {@link TopicMatcher#version()}. */
        public long version() {
            return version;
        }

        public String topic() {
            return topic;
        }

        @Override
        public String toString() {
            return topic + " @" + version + " -> " + Arrays.toString(subscribers);
        }
    }

    /** Writer-side bookkeeping of one subscriber. */
    private static final class Registration<S> {
        final Ranked<S> ranked;
        int patterns;

        Registration(Ranked<S> ranked) {
            this.ranked = ranked;
        }
    }

    private final Object writeLock = new Object();
    /** Guarded by writeLock; the source of truth the snapshots index. */
    private final Map<TopicPattern, Set<S>> subscribersByPattern = new HashMap<>();
    /** Guarded by writeLock. */
    private final Map<S, Registration<S>> registrations = new HashMap<>();
    /** Guarded by writeLock. */
    private long nextRank;

    private volatile Snapshot<S> snapshot;

    /**
     * @param arrayFactory  makes the {@code S[]} arrays handed out in {@link Match#subscribers()},
     *                      e.g. {@code Subscriber[]::new}
     * @param cacheCapacity topics whose result is kept; 0 for no cache
     */
    public TopicMatcher(IntFunction<S[]> arrayFactory, int cacheCapacity) {
        Objects.requireNonNull(arrayFactory, "arrayFactory");
        if (cacheCapacity < 0) {
            throw new IllegalArgumentException("cacheCapacity must be >= 0, got " + cacheCapacity);
        }
        S[] none = arrayFactory.apply(0);
        if (none == null || none.length != 0) {
            throw new IllegalArgumentException("arrayFactory.apply(0) must return an empty array");
        }
        this.snapshot = Snapshot.empty(none, cacheCapacity);
    }

    /**
     * Subscribes {@code subscriber} to {@code pattern}; nothing changes if it already is. The new
     * state is published by a volatile write before this returns: every resolve that starts
     * afterwards, on any thread, sees it.
     */
    public void add(TopicPattern pattern, S subscriber) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(subscriber, "subscriber");
        synchronized (writeLock) {
            if (!subscribersByPattern.computeIfAbsent(pattern, p -> new HashSet<>()).add(subscriber)) {
                return;
            }
            Registration<S> registration = registrations.computeIfAbsent(subscriber,
                    s -> new Registration<>(new Ranked<>(s, nextRank++)));
            registration.patterns++;
            snapshot = snapshot.with(pattern, registration.ranked, subscribersByPattern.size());
        }
    }

    /**
     * Unsubscribes {@code subscriber} from {@code pattern}, published like {@link #add}.
     *
     * @return false if {@code subscriber} was not subscribed to {@code pattern}
     */
    public boolean remove(TopicPattern pattern, S subscriber) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(subscriber, "subscriber");
        synchronized (writeLock) {
            Set<S> subscribers = subscribersByPattern.get(pattern);
            if (subscribers == null || !subscribers.remove(subscriber)) {
                return false;
            }
            if (subscribers.isEmpty()) {
                subscribersByPattern.remove(pattern);
            }
            Registration<S> registration = registrations.get(subscriber);
            if (--registration.patterns == 0) {
                registrations.remove(subscriber);
            }
            snapshot = snapshot.without(pattern, registration.ranked, subscribersByPattern.size());
            return true;
        }
    }

    /**
     * The subscribers whose patterns match {@code topic}. Lock-free (one volatile read); a cached
     * result costs a hash lookup and is the same {@link Match} instance each time. Never null.
     *
     * @param topic a valid topic (see {@link io.tributary.api.Topic#validate}); not checked again
     */
    public Match<S> resolve(String topic) {
        Snapshot<S> current = snapshot;
        Match<S> match = current.cache.get(topic);
        if (match == null) {
            match = new Match<>(topic, current.version, current.match(topic));
            current.cache.put(topic, match);
        }
        return match;
    }

    /**
     * Bumped by every {@link #add} and {@link #remove} that changed something. A holder of a
     * {@link Match} whose version differs from this one should resolve again.
     */
    public long version() {
        return snapshot.version;
    }

    /** Distinct patterns that have at least one subscriber. */
    public int patternCount() {
        return snapshot.patternCount;
    }

    /** Topics currently cached; for tests. */
    int cachedResults() {
        return snapshot.cache.size();
    }

    /** The current trie root; for tests. */
    TrieNode<S> trie() {
        return snapshot.trie();
    }

    @Override
    public String toString() {
        Snapshot<S> current = snapshot;
        return "TopicMatcher[patterns=" + current.patternCount + ", version=" + current.version
                + ", cached=" + current.cache.size() + "]";
    }
}
