package io.tributary.runtime.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.api.TopicPattern;
import io.tributary.api.TopicPattern.Syntax;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link TopicMatcher} against {@link ReferenceMatcher} over random add/remove sequences, checking
 * every probe topic after every operation. Patterns and topics come from a small alphabet (with
 * non-ASCII and a surrogate pair) so that most patterns match something; cache sizes 0, 2 and 64
 * exercise no cache, constant clearing and a warm cache across changes. Fixed seed: deterministic.
 */
class TopicMatcherPropertyTest {

    record Op(boolean add, int pattern, String subscriber) {
    }

    @Property(tries = 1000, seed = "20260101")
    void resolvesLikeTheNaiveScan(@ForAll("patternPools") List<TopicPattern> patterns,
                                  @ForAll("operations") List<Op> ops,
                                  @ForAll("topicLists") List<String> topics,
                                  @ForAll("cacheCapacities") int cacheCapacity) {
        TopicMatcher<String> matcher = new TopicMatcher<>(String[]::new, cacheCapacity);
        ReferenceMatcher reference = new ReferenceMatcher();
        for (Op op : ops) {
            TopicPattern pattern = patterns.get(op.pattern() % patterns.size());
            long version = matcher.version();
            boolean changed;
            if (op.add()) {
                matcher.add(pattern, op.subscriber());
                changed = reference.add(pattern, op.subscriber());
            } else {
                changed = reference.remove(pattern, op.subscriber());
                assertEquals(changed, matcher.remove(pattern, op.subscriber()), () -> "remove " + op);
            }
            assertEquals(version + (changed ? 1 : 0), matcher.version(), () -> "version after " + op);
            assertEquals(reference.patternCount(), matcher.patternCount());
            for (String topic : topics) {
                assertEquals(reference.resolve(topic), Arrays.asList(matcher.resolve(topic).subscribers()),
                        () -> topic + " after " + op);
            }
        }
    }

    @Provide
    Arbitrary<List<TopicPattern>> patternPools() {
        Arbitrary<TopicPattern> tributary = Arbitraries.of("a", "b", "é", "😀", "*", "**", "?", "a*", "*b", "?*", "a?", "*😀*", "é?")
                .list().ofMinSize(1).ofMaxSize(4).map(s -> TopicPattern.parse(String.join(".", s)));
        Arbitrary<TopicPattern> nautilus = Arbitraries.of("a", "b", "é", "*", "?", ".")
                .list().ofMinSize(1).ofMaxSize(5).map(s -> String.join("", s))
                .filter(s -> !s.startsWith(".") && !s.endsWith(".") && !s.contains(".."))
                .map(s -> TopicPattern.parse(s, Syntax.NAUTILUS));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, tributary),
                        net.jqwik.api.Tuple.of(1, nautilus))
                .list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Combinators.combine(
                        Arbitraries.integers().between(0, 99).map(i -> i < 65),
                        Arbitraries.integers().between(0, 11),
                        Arbitraries.of("s0", "s1", "s2", "s3", "s4"))
                .as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<String>> topicLists() {
        return Arbitraries.of("a", "b", "ab", "ba", "é", "😀", "aé", "b😀")
                .list().ofMinSize(1).ofMaxSize(5).map(s -> String.join(".", s))
                .list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Integer> cacheCapacities() {
        return Arbitraries.of(0, 2, 64);
    }
}
