package io.tributary.bench.inproc;

import java.util.ArrayList;
import java.util.List;

/**
 * The W1 subscription mix: 1,000 patterns, 70% exact topics and 30% wildcards, of which exactly one
 * matches {@link #TOPIC}. Deterministic, so every peer sees the same set.
 */
final class SubscriptionSet {
    static final int SIZE = 1_000;
    /** Index of the one exact subscription the benchmark topic matches (an exact slot: i % 10 < 7). */
    private static final int MATCH_INDEX = 6;
    static final String TOPIC = exactTopic(MATCH_INDEX);

    private SubscriptionSet() {
    }

    static List<String> patterns() {
        List<String> patterns = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            switch (i % 10) {
                case 7 -> patterns.add("data.trades.*.SYM" + i);
                case 8 -> patterns.add("signals.**.S" + i);
                case 9 -> patterns.add("data.book.V" + i + ".BTC*");
                default -> patterns.add(exactTopic(i));
            }
        }
        return patterns;
    }

    private static String exactTopic(int i) {
        return "data.quotes.V" + (i % 50) + ".SYM" + i;
    }

    /** Fails fast unless exactly one pattern of the set matches {@link #TOPIC}. */
    static void checkExactlyOneMatch() {
        long matches = patterns().stream()
                .filter(p -> io.tributary.api.TopicPattern.parse(p).matches(TOPIC)).count();
        if (matches != 1) {
            throw new IllegalStateException(matches + " subscriptions match " + TOPIC + ", expected exactly 1");
        }
    }

    static boolean isExact(String pattern) {
        return pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
    }
}
