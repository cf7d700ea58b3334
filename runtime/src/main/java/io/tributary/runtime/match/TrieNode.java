package io.tributary.runtime.match;

import io.tributary.api.TopicPattern;
import io.tributary.api.TopicPattern.SegmentKind;
import java.util.Arrays;

/**
 * One node of the immutable segment trie of {@link TopicPattern.Syntax#TRIBUTARY} patterns. The
 * path from the root spells a pattern's segments as written; the node where a pattern ends holds
 * its subscribers. Changes copy the path from the root to the changed node and share the rest.
 *
 * <p>A node reached through a {@code **} edge {@linkplain #loops loops}: once active it stays
 * active on every further segment, which is how {@code **} absorbs zero or more segments.
 */
final class TrieNode<S> {

    /**
     * A child reached through an in-segment glob such as {@code BTC*}. {@code requiredChars} has
     * bit {@code c & 63} set for every literal char {@code c} of the glob: a segment lacking one of
     * them cannot match, which rejects most globs without running the matcher.
     */
    record GlobChild<S>(String glob, long requiredChars, TrieNode<S> node) {

        GlobChild(String glob, TrieNode<S> node) {
            this(glob, requiredChars(glob), node);
        }

        private static long requiredChars(String glob) {
            long mask = 0;
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c != '*' && c != '?') {
                    mask |= 1L << c;  // a long shift uses the low 6 bits: c & 63
                }
            }
            return mask;
        }
    }

    private static final GlobChild<?>[] NO_GLOBS = {};

    final boolean loops;
    final LiteralChildren<S> literals;
    final TrieNode<S> anyOne;
    final TrieNode<S> anyMany;
    final GlobChild<S>[] globs;
    final SubscriberSet<S> subscribers;

    private TrieNode(boolean loops, LiteralChildren<S> literals, TrieNode<S> anyOne, TrieNode<S> anyMany,
            GlobChild<S>[] globs, SubscriberSet<S> subscribers) {
        this.loops = loops;
        this.literals = literals;
        this.anyOne = anyOne;
        this.anyMany = anyMany;
        this.globs = globs;
        this.subscribers = subscribers;
    }

    /** An empty root; {@code none} fixes the component type of the subscriber arrays. */
    static <S> TrieNode<S> root(SubscriberSet<S> none) {
        return leaf(false, none);
    }

    @SuppressWarnings("unchecked")
    private static <S> TrieNode<S> leaf(boolean loops, SubscriberSet<S> none) {
        return new TrieNode<>(loops, LiteralChildren.empty(), null, null, (GlobChild<S>[]) NO_GLOBS, none);
    }

    /** This subtree with {@code subscriber} on the pattern suffix {@code pattern[segment..]}. */
    TrieNode<S> with(TopicPattern pattern, int segment, Ranked<S> subscriber) {
        if (segment == pattern.segmentCount()) {
            return withSubscribers(subscribers.with(subscriber));
        }
        TrieNode<S> child = child(pattern, segment);
        if (child == null) {
            child = leaf(pattern.kind(segment) == SegmentKind.ANY_MANY, subscribers.none());
        }
        return withChild(pattern, segment, child.with(pattern, segment + 1, subscriber));
    }

    /**
     * This subtree without {@code subscriber} on {@code pattern[segment..]}; null when nothing is
     * left in it, so removed patterns leave no empty branches behind.
     */
    TrieNode<S> without(TopicPattern pattern, int segment, Ranked<S> subscriber) {
        if (segment == pattern.segmentCount()) {
            return withSubscribers(subscribers.without(subscriber)).orNullIfEmpty();
        }
        TrieNode<S> child = child(pattern, segment);
        if (child == null) {
            return this;
        }
        return withChild(pattern, segment, child.without(pattern, segment + 1, subscriber)).orNullIfEmpty();
    }

    private TrieNode<S> child(TopicPattern pattern, int segment) {
        String text = pattern.segment(segment);
        return switch (pattern.kind(segment)) {
            case ANY_ONE -> anyOne;
            case ANY_MANY -> anyMany;
            case GLOB -> {
                int at = globIndex(text);
                yield at < 0 ? null : globs[at].node();
            }
            case LITERAL -> literals.get(text);
        };
    }

    /** A copy with the child for {@code pattern.segment(segment)} replaced (null: removed). */
    private TrieNode<S> withChild(TopicPattern pattern, int segment, TrieNode<S> child) {
        String text = pattern.segment(segment);
        return switch (pattern.kind(segment)) {
            case ANY_ONE -> new TrieNode<>(loops, literals, child, anyMany, globs, subscribers);
            case ANY_MANY -> new TrieNode<>(loops, literals, anyOne, child, globs, subscribers);
            case GLOB -> new TrieNode<>(loops, literals, anyOne, anyMany, withGlob(text, child), subscribers);
            case LITERAL -> new TrieNode<>(loops, child == null ? literals.without(text) : literals.with(text, child),
                    anyOne, anyMany, globs, subscribers);
        };
    }

    private GlobChild<S>[] withGlob(String glob, TrieNode<S> child) {
        int at = globIndex(glob);
        if (child == null) {
            GlobChild<S>[] copy = Arrays.copyOf(globs, globs.length - 1);
            System.arraycopy(globs, at + 1, copy, at, globs.length - at - 1);
            return copy;
        }
        GlobChild<S>[] copy = Arrays.copyOf(globs, at < 0 ? globs.length + 1 : globs.length);
        copy[at < 0 ? globs.length : at] = new GlobChild<>(glob, child);
        return copy;
    }

    private int globIndex(String glob) {
        for (int i = 0; i < globs.length; i++) {
            if (globs[i].glob().equals(glob)) {
                return i;
            }
        }
        return -1;
    }

    private TrieNode<S> withSubscribers(SubscriberSet<S> changed) {
        return changed == subscribers ? this : new TrieNode<>(loops, literals, anyOne, anyMany, globs, changed);
    }

    private TrieNode<S> orNullIfEmpty() {
        boolean empty = subscribers.isEmpty() && literals.size() == 0 && anyOne == null && anyMany == null
                && globs.length == 0;
        return empty ? null : this;
    }
}
