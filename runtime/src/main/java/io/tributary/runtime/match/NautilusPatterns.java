package io.tributary.runtime.match;

import io.tributary.api.TopicPattern;
import java.util.Arrays;

/**
 * {@link TopicPattern.Syntax#NAUTILUS} patterns, whose {@code *} crosses dots and so does not fit
 * a segment trie: an immutable list, each pattern matched by glob over the whole topic. Linear in
 * the number of such patterns; the result cache in front of the matcher absorbs that for topics
 * seen again.
 */
final class NautilusPatterns<S> {

    private record Entry<S>(TopicPattern pattern, SubscriberSet<S> subscribers) {
    }

    private static final Entry<?>[] NONE = {};

    private final Entry<S>[] entries;

    private NautilusPatterns(Entry<S>[] entries) {
        this.entries = entries;
    }

    @SuppressWarnings("unchecked")
    static <S> NautilusPatterns<S> empty() {
        return new NautilusPatterns<>((Entry<S>[]) NONE);
    }

    void collect(String topic, Hits<S> hits) {
        for (Entry<S> entry : entries) {
            if (entry.pattern().matches(topic)) {
                hits.add(entry.subscribers());
            }
        }
    }

    /** @param none an empty set, used when {@code pattern} is new */
    NautilusPatterns<S> with(TopicPattern pattern, Ranked<S> subscriber, SubscriberSet<S> none) {
        int at = indexOf(pattern);
        Entry<S>[] copy = Arrays.copyOf(entries, at < 0 ? entries.length + 1 : entries.length);
        SubscriberSet<S> current = at < 0 ? none : entries[at].subscribers();
        copy[at < 0 ? entries.length : at] = new Entry<>(pattern, current.with(subscriber));
        return new NautilusPatterns<>(copy);
    }

    NautilusPatterns<S> without(TopicPattern pattern, Ranked<S> subscriber) {
        int at = indexOf(pattern);
        if (at < 0) {
            return this;
        }
        SubscriberSet<S> left = entries[at].subscribers().without(subscriber);
        if (!left.isEmpty()) {
            Entry<S>[] copy = entries.clone();
            copy[at] = new Entry<>(pattern, left);
            return new NautilusPatterns<>(copy);
        }
        Entry<S>[] copy = Arrays.copyOf(entries, entries.length - 1);
        System.arraycopy(entries, at + 1, copy, at, entries.length - at - 1);
        return new NautilusPatterns<>(copy);
    }

    private int indexOf(TopicPattern pattern) {
        for (int i = 0; i < entries.length; i++) {
            if (entries[i].pattern().equals(pattern)) {
                return i;
            }
        }
        return -1;
    }
}
