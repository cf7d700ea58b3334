package io.tributary.runtime.match;

import io.tributary.api.TopicPattern;

/**
 * Matches a topic against the whole trie at once: a walk over the topic's segments that keeps the
 * set of active nodes (an NFA simulation), so {@code **} costs O(segments × active nodes) and never
 * backtracks. Segment boundaries are found with {@code indexOf} and literal children are looked up
 * by region, so no substrings are made; the only garbage is a few small objects per call, none per
 * segment. One pass over each segment's chars yields both its hash and the set of its chars (mod
 * 64), which rules out most glob children before the glob matcher runs.
 */
final class TrieMatch {

    private TrieMatch() {
    }

    /** Adds to {@code hits} the subscribers of every pattern in the trie that matches {@code topic}. */
    static <S> void collect(TrieNode<S> root, String topic, Hits<S> hits) {
        Frontier<S> active = new Frontier<>();
        Frontier<S> next = new Frontier<>();
        active.addWithStars(root);
        int length = topic.length();
        for (int from = 0; from <= length && active.size() > 0; ) {
            int dot = topic.indexOf('.', from);
            int to = dot < 0 ? length : dot;
            int hash = 0;         // String.hashCode of the segment, for the literal children
            long present = 0;     // bit c & 63 for each char c, to skip globs quickly
            for (int i = from; i < to; i++) {
                char c = topic.charAt(i);
                hash = 31 * hash + c;
                present |= 1L << c;
            }
            for (int i = 0; i < active.size(); i++) {
                step(active.get(i), topic, from, to, hash, present, next);
            }
            Frontier<S> swap = active;
            active = next;
            next = swap;
            next.clear();
            from = to + 1;
        }
        for (int i = 0; i < active.size(); i++) {
            hits.add(active.get(i).subscribers);
        }
    }

    /** Adds to {@code next} every node that {@code node} reaches by consuming {@code topic[from, to)}. */
    private static <S> void step(TrieNode<S> node, String topic, int from, int to, int hash, long present,
            Frontier<S> next) {
        if (node.loops) {
            next.addWithStars(node);
        }
        TrieNode<S> literal = node.literals.get(topic, from, to, hash);
        if (literal != null) {
            next.addWithStars(literal);
        }
        if (node.anyOne != null) {
            next.addWithStars(node.anyOne);
        }
        for (TrieNode.GlobChild<S> glob : node.globs) {
            if ((glob.requiredChars() & ~present) == 0 && TopicPattern.globMatchesRegion(glob.glob(), topic, from, to)) {
                next.addWithStars(glob.node());
            }
        }
    }
}
