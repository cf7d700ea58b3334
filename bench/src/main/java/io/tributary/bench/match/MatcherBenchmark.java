package io.tributary.bench.match;

import io.tributary.api.TopicPattern;
import io.tributary.runtime.match.TopicMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W2, topic matching with 10,000 patterns: {@link TopicMatcher} with a warm cache, the same without
 * a cache, and the way NautilusTrader matches (every pattern tried in turn).
 *
 * <p>The patterns are seeded: 70% literal four-segment topics {@code data.<kind>.V<v>.SYM<s>}, 30%
 * wildcards spread over {@code *}, {@code **} and in-segment globs. Topics are drawn from the
 * literal patterns, so every resolve has at least one hit and usually several (the wildcards
 * overlap them), which exercises the merge of several patterns' subscribers.
 *
 * <pre>java -cp bench/target/tributary-bench.jar:bench/target/lib/* org.openjdk.jmh.Main MatcherBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatcherBenchmark {

    static final int PATTERNS = 10_000;
    static final int SUBSCRIBERS = 3_000;
    static final int TOPICS = 1 << 10;
    static final long SEED = 20260101L;

    private static final String[] KINDS = {"quotes", "trades", "bars"};
    private static final int VENUES = 20;
    private static final int SYMBOLS = 2_000;

    private TopicPattern[] patterns;
    private String[] topics;
    private TopicMatcher<Integer> cached;
    private TopicMatcher<Integer> uncached;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(SEED);
        Set<TopicPattern> distinct = new LinkedHashSet<>();
        List<String> literalTopics = new ArrayList<>();
        while (distinct.size() < PATTERNS) {
            if (random.nextInt(100) < 70) {
                String topic = literal(random);
                if (distinct.add(TopicPattern.parse(topic))) {
                    literalTopics.add(topic);
                }
            } else {
                distinct.add(TopicPattern.parse(wildcard(random)));
            }
        }
        patterns = distinct.toArray(TopicPattern[]::new);
        topics = new String[TOPICS];
        for (int i = 0; i < TOPICS; i++) {
            topics[i] = literalTopics.get(random.nextInt(literalTopics.size()));
        }
        cached = new TopicMatcher<>(Integer[]::new, 4 * TOPICS);
        uncached = new TopicMatcher<>(Integer[]::new, 0);
        for (int i = 0; i < patterns.length; i++) {
            cached.add(patterns[i], i % SUBSCRIBERS);
            uncached.add(patterns[i], i % SUBSCRIBERS);
        }
        for (String topic : topics) {
            checkAgainstScan(topic, cached.resolve(topic).subscribers());
            checkAgainstScan(topic, uncached.resolve(topic).subscribers());
        }
    }

    private static String literal(Random random) {
        return "data." + KINDS[random.nextInt(KINDS.length)] + ".V" + random.nextInt(VENUES)
                + ".SYM" + random.nextInt(SYMBOLS);
    }

    private static String wildcard(Random random) {
        String kind = KINDS[random.nextInt(KINDS.length)];
        int venue = random.nextInt(VENUES);
        int symbol = random.nextInt(SYMBOLS);
        switch (random.nextInt(6)) {
            case 0:
                return "data." + kind + ".V" + venue + ".*";
            case 1:
                return "data." + kind + ".*.SYM" + symbol;
            case 2:
                return random.nextBoolean() ? "**.SYM" + symbol : "data.**.SYM" + symbol;
            case 3:
                return "data." + kind + ".V" + venue + ".SYM" + symbol / 10 + "*";
            case 4:
                return random.nextBoolean() ? "data." + kind + ".V?.SYM" + symbol : "data.*.V" + venue + ".?YM" + symbol;
            default:
                return "data." + kind + ".**";
        }
    }

    /** The benchmark measures correct answers only: each must equal the naive scan's. */
    private void checkAgainstScan(String topic, Integer[] found) {
        Set<Integer> expected = new java.util.TreeSet<>();
        for (int i = 0; i < patterns.length; i++) {
            if (patterns[i].matches(topic)) {
                expected.add(i % SUBSCRIBERS);
            }
        }
        Set<Integer> actual = new java.util.TreeSet<>(Arrays.asList(found));
        if (!expected.equals(actual) || actual.size() != found.length) {
            throw new IllegalStateException(topic + ": matcher " + Arrays.toString(found) + ", scan " + expected);
        }
    }

    private String nextTopic() {
        next = (next + 1) & (TOPICS - 1);
        return topics[next];
    }

    @Benchmark
    public TopicMatcher.Match<Integer> cachedHit() {
        return cached.resolve(nextTopic());
    }

    @Benchmark
    public TopicMatcher.Match<Integer> coldMatch() {
        return uncached.resolve(nextTopic());
    }

    /** NautilusTrader's way, made cheap: count the matches instead of collecting subscribers. */
    @Benchmark
    public int linearScan() {
        String topic = nextTopic();
        int matched = 0;
        for (TopicPattern pattern : patterns) {
            if (pattern.matches(topic)) {
                matched++;
            }
        }
        return matched;
    }
}
