package io.tributary.runtime.match;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The subscribers of one pattern, sorted by rank. Immutable: {@link #with} and {@link #without}
 * return copies. Also keeps them as a plain {@code S[]} so a topic matched by this one pattern can
 * hand that very array to callers without copying.
 */
final class SubscriberSet<S> {

    private static final Comparator<Ranked<?>> BY_RANK = Comparator.comparingLong(Ranked::rank);

    private final Ranked<S>[] ranked;
    private final S[] subscribers;

    private SubscriberSet(Ranked<S>[] ranked, S[] subscribers) {
        this.ranked = ranked;
        this.subscribers = subscribers;
    }

    /** An empty set; its array's component type is the one every later copy keeps. */
    static <S> SubscriberSet<S> none(S[] emptyArray) {
        return new SubscriberSet<>(newRanked(0), emptyArray);
    }

    /** An empty set whose array has the same component type as this one's. */
    SubscriberSet<S> none() {
        return isEmpty() ? this : new SubscriberSet<>(newRanked(0), Arrays.copyOf(subscribers, 0));
    }

    boolean isEmpty() {
        return ranked.length == 0;
    }

    /** Shared array: callers must not modify it. */
    S[] array() {
        return subscribers;
    }

    /** This set plus {@code entry}; {@code this} if it is already there. */
    SubscriberSet<S> with(Ranked<S> entry) {
        int at = Arrays.binarySearch(ranked, entry, BY_RANK);
        if (at >= 0) {
            return this;
        }
        int insert = -at - 1;
        Ranked<S>[] copy = newRanked(ranked.length + 1);
        System.arraycopy(ranked, 0, copy, 0, insert);
        copy[insert] = entry;
        System.arraycopy(ranked, insert, copy, insert + 1, ranked.length - insert);
        return new SubscriberSet<>(copy, arrayOf(copy));
    }

    /** This set minus {@code entry}; {@code this} if it is not there. */
    SubscriberSet<S> without(Ranked<S> entry) {
        int at = Arrays.binarySearch(ranked, entry, BY_RANK);
        if (at < 0) {
            return this;
        }
        Ranked<S>[] copy = newRanked(ranked.length - 1);
        System.arraycopy(ranked, 0, copy, 0, at);
        System.arraycopy(ranked, at + 1, copy, at, ranked.length - at - 1);
        return new SubscriberSet<>(copy, arrayOf(copy));
    }

    /**
     * Union of {@code sets[0, count)}, in rank order, each subscriber once. The runs are already
     * sorted, so the sort is a merge of runs (TimSort); a subscriber is one {@link Ranked} instance,
     * so duplicates are adjacent and identical.
     */
    static <S> S[] union(SubscriberSet<S>[] sets, int count) {
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += sets[i].ranked.length;
        }
        Ranked<S>[] all = newRanked(total);
        int n = 0;
        for (int i = 0; i < count; i++) {
            Ranked<S>[] run = sets[i].ranked;
            System.arraycopy(run, 0, all, n, run.length);
            n += run.length;
        }
        Arrays.sort(all, BY_RANK);
        S[] out = Arrays.copyOf(sets[0].subscribers, total);
        int distinct = 0;
        for (int i = 0; i < total; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                out[distinct++] = all[i].subscriber();
            }
        }
        return distinct == total ? out : Arrays.copyOf(out, distinct);
    }

    private S[] arrayOf(Ranked<S>[] entries) {
        S[] out = Arrays.copyOf(subscribers, entries.length);  // keeps the caller's component type
        for (int i = 0; i < entries.length; i++) {
            out[i] = entries[i].subscriber();
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <S> Ranked<S>[] newRanked(int length) {
        return (Ranked<S>[]) new Ranked<?>[length];
    }
}
