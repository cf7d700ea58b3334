package io.tributary.bench.inproc;

import java.util.ArrayList;
import java.util.List;

/**
 * The W1 subscription mix: 1,000 patterns, 70% exact topics and 30% wildcards, of which exactly one
 * matches {@link #TOPIC}. Deterministic, so every peer sees the same set.
 */
final class SubscriptionSet {
    static final int SIZE = 1_000;
    static final String TOPIC = "data.quotes.V7.SYM7";

    private SubscriptionSet() {
    }

    static List<String> patterns() {
        List<String> patterns = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            switch (i % 10) {
                case 7 -> patterns.add("data.trades.*.SYM" + i);
                case 8 -> patterns.add("signals.**.S" + i);
                case 9 -> patterns.add("data.book.V" + i + ".BTC*");
                default -> patterns.add("data.quotes.V" + (i % 50) + ".SYM" + i);
            }
        }
        return patterns;
    }

    static boolean isExact(String pattern) {
        return pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
    }
}
