package io.tributary.runtime.match;

import io.tributary.api.TopicPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The naive model of {@link TopicMatcher}: every pattern of every subscriber tried with
 * {@link TopicPattern#matches}, subscribers kept in the order they were first added. Not
 * thread-safe.
 */
final class ReferenceMatcher {

    private final Map<String, Set<TopicPattern>> patternsBySubscriber = new LinkedHashMap<>();

    /** @return whether anything changed */
    boolean add(TopicPattern pattern, String subscriber) {
        return patternsBySubscriber.computeIfAbsent(subscriber, s -> new LinkedHashSet<>()).add(pattern);
    }

    /** @return whether anything changed */
    boolean remove(TopicPattern pattern, String subscriber) {
        Set<TopicPattern> patterns = patternsBySubscriber.get(subscriber);
        if (patterns == null || !patterns.remove(pattern)) {
            return false;
        }
        if (patterns.isEmpty()) {
            patternsBySubscriber.remove(subscriber);
        }
        return true;
    }

    List<String> resolve(String topic) {
        List<String> out = new ArrayList<>();
        patternsBySubscriber.forEach((subscriber, patterns) -> {
            if (patterns.stream().anyMatch(p -> p.matches(topic))) {
                out.add(subscriber);
            }
        });
        return out;
    }

    int patternCount() {
        Set<TopicPattern> distinct = new LinkedHashSet<>();
        patternsBySubscriber.values().forEach(distinct::addAll);
        return distinct.size();
    }
}
