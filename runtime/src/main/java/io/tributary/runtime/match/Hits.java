package io.tributary.runtime.match;

import java.util.Arrays;

/**
 * The subscriber sets of every pattern that matched one topic, turned into the answer: one
 * array, rank order, each subscriber once. The common case of a single matching pattern returns
 * that pattern's own array, without copying.
 */
final class Hits<S> {

    @SuppressWarnings("unchecked")
    private SubscriberSet<S>[] sets = (SubscriberSet<S>[]) new SubscriberSet<?>[4];
    private int count;

    void add(SubscriberSet<S> set) {
        if (set.isEmpty()) {
            return;
        }
        if (count == sets.length) {
            sets = Arrays.copyOf(sets, count * 2);
        }
        sets[count++] = set;
    }

    /** @param none the empty array to return when nothing matched */
    S[] subscribers(S[] none) {
        return switch (count) {
            case 0 -> none;
            case 1 -> sets[0].array();
            default -> SubscriberSet.union(sets, count);
        };
    }
}
