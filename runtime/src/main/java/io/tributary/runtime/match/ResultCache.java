package io.tributary.runtime.match;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Topic → result, bounded. Belongs to one snapshot of the matcher, so it never holds a stale
 * result: a subscription change publishes a new snapshot with a new, empty cache. When full it is
 * cleared and refilled, which is O(1) amortised, keeps memory bounded by about {@code capacity}
 * entries (a few more while threads race on the size check) and lets a shifting working set back
 * in; publishers that care about every nanosecond hold a resolved handle instead.
 */
final class ResultCache<V> {

    private final ConcurrentHashMap<String, V> results;
    private final int capacity;

    /** @param capacity 0 for no caching */
    ResultCache(int capacity) {
        this.capacity = capacity;
        this.results = capacity == 0 ? null : new ConcurrentHashMap<>();
    }

    V get(String topic) {
        return results == null ? null : results.get(topic);
    }

    void put(String topic, V result) {
        if (results == null) {
            return;
        }
        if (results.size() >= capacity) {
            results.clear();
        }
        results.put(topic, result);
    }

    int size() {
        return results == null ? 0 : results.size();
    }
}
