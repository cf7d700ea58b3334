package io.tributary.runtime.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.TopicPattern;
import io.tributary.api.TopicPattern.Syntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicMatcherTest {

    private static TopicPattern p(String pattern) {
        return TopicPattern.parse(pattern);
    }

    private static TopicPattern nautilus(String pattern) {
        return TopicPattern.parse(pattern, Syntax.NAUTILUS);
    }

    private static TopicMatcher<String> matcher(int cacheCapacity) {
        return new TopicMatcher<>(String[]::new, cacheCapacity);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16})
    void emptyMatcherResolvesToATypedEmptyArray(int cache) {
        TopicMatcher.Match<String> match = matcher(cache).resolve("data.quotes.X.Y");
        assertEquals(0, match.subscribers().length);
        assertEquals(String[].class, match.subscribers().getClass());
        assertEquals("data.quotes.X.Y", match.topic());
        assertEquals(0, match.version());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16})
    void matchesEveryKindOfPattern(int cache) {
        TopicMatcher<String> m = matcher(cache);
        m.add(p("data.quotes.BINANCE.BTCUSDT"), "literal");
        m.add(p("data.quotes.*.*"), "stars");
        m.add(p("data.**"), "data-tree");
        m.add(p("**.BTCUSDT"), "any-btc");
        m.add(p("data.quotes.*.BTC*"), "glob");
        m.add(p("data.trades.**"), "trades");
        m.add(nautilus("data.*USDT"), "nautilus");
        m.add(nautilus("*.ETH?"), "nautilus-eth");

        assertArrayEquals(new String[] {"literal", "stars", "data-tree", "any-btc", "glob", "nautilus"},
                m.resolve("data.quotes.BINANCE.BTCUSDT").subscribers());
        assertArrayEquals(new String[] {"stars", "data-tree", "glob"}, m.resolve("data.quotes.KRAKEN.BTC").subscribers());
        assertArrayEquals(new String[] {"data-tree"}, m.resolve("data").subscribers());
        assertArrayEquals(new String[] {"data-tree", "trades", "nautilus-eth"}, m.resolve("data.trades.ETHX").subscribers());
        assertArrayEquals(new String[] {"any-btc"}, m.resolve("BTCUSDT").subscribers());
        assertArrayEquals(new String[] {}, m.resolve("other.topic").subscribers());
    }

    @Test
    void subscribersComeInTheOrderTheyWereFirstAddedEachOnce() {
        TopicMatcher<String> m = matcher(0);
        m.add(p("a.b"), "first");
        m.add(p("a.*"), "second");
        m.add(p("**"), "third");
        m.add(p("a.**"), "first");      // later pattern, same rank
        m.add(p("*.b"), "second");
        m.add(nautilus("a*"), "third");
        assertArrayEquals(new String[] {"first", "second", "third"}, m.resolve("a.b").subscribers());
    }

    @Test
    void aSubscriberThatLostAllPatternsGoesToTheEndWhenAddedAgain() {
        TopicMatcher<String> m = matcher(0);
        m.add(p("a"), "x");
        m.add(p("a"), "y");
        m.add(p("*"), "x");
        assertTrue(m.remove(p("a"), "x"));
        assertArrayEquals(new String[] {"x", "y"}, m.resolve("a").subscribers(), "x still has '*': keeps its rank");
        assertTrue(m.remove(p("*"), "x"));
        m.add(p("a"), "x");
        assertArrayEquals(new String[] {"y", "x"}, m.resolve("a").subscribers());
    }

    @Test
    void removeReportsWhetherThePairWasThere() {
        TopicMatcher<String> m = matcher(0);
        m.add(p("a.*"), "s");
        assertFalse(m.remove(p("a.*"), "other"));
        assertFalse(m.remove(p("a.b"), "s"));
        assertFalse(m.remove(nautilus("a.*"), "s"));
        assertTrue(m.remove(p("a.*"), "s"));
        assertFalse(m.remove(p("a.*"), "s"));
        assertEquals(0, m.resolve("a.b").subscribers().length);
    }

    @Test
    void versionMovesOnlyWhenSomethingChanged() {
        TopicMatcher<String> m = matcher(0);
        m.add(p("a"), "s");
        assertEquals(1, m.version());
        m.add(p("a"), "s");
        m.remove(p("b"), "s");
        assertEquals(1, m.version());
        m.add(p("b"), "s");
        m.remove(p("a"), "s");
        assertEquals(3, m.version());
        assertEquals(3, m.resolve("b").version());
    }

    @Test
    void patternCountCountsDistinctPatternsWithSubscribers() {
        TopicMatcher<String> m = matcher(0);
        m.add(p("a.*"), "s1");
        m.add(p("a.*"), "s2");
        m.add(nautilus("a.*"), "s1");
        m.add(p("a.**"), "s1");
        assertEquals(3, m.patternCount());
        m.remove(p("a.*"), "s1");
        assertEquals(3, m.patternCount());
        m.remove(p("a.*"), "s2");
        assertEquals(2, m.patternCount());
    }

    @Test
    void aChangeInvalidatesCachedResults() {
        TopicMatcher<String> m = matcher(16);
        m.add(p("a.*"), "s1");
        TopicMatcher.Match<String> before = m.resolve("a.b");
        assertSame(before, m.resolve("a.b"), "second resolve is a cache hit");
        m.add(p("**.b"), "s2");
        TopicMatcher.Match<String> after = m.resolve("a.b");
        assertArrayEquals(new String[] {"s1", "s2"}, after.subscribers());
        assertEquals(before.version() + 1, after.version());
        m.remove(p("a.*"), "s1");
        assertArrayEquals(new String[] {"s2"}, m.resolve("a.b").subscribers());
    }

    @Test
    void withoutCacheEveryResolveIsComputedAgain() {
        TopicMatcher<String> m = matcher(0);
        m.add(p("a.*"), "s1");
        assertNotSame(m.resolve("a.b"), m.resolve("a.b"));
        assertEquals(0, m.cachedResults());
    }

    @Test
    void cacheStaysBounded() {
        TopicMatcher<String> m = matcher(8);
        m.add(p("**"), "s");
        for (int i = 0; i < 1000; i++) {
            assertArrayEquals(new String[] {"s"}, m.resolve("t" + i).subscribers());
            assertTrue(m.cachedResults() <= 8, () -> "cached " + m.cachedResults());
        }
    }

    @Test
    void aSinglePatternHandsOutItsOwnArrayWithoutCopying() {
        TopicMatcher<String> m = matcher(0);
        m.add(p("a.*"), "s1");
        m.add(p("a.*"), "s2");
        assertSame(m.resolve("a.b").subscribers(), m.resolve("a.c").subscribers());
        assertSame(m.resolve("x").subscribers(), m.resolve("y").subscribers());
    }

    @Test
    void consecutiveStarsAreMatchedWithoutDuplicates() {
        TopicMatcher<String> m = matcher(0);
        m.add(p("**.**"), "both");
        m.add(p("**.*.**"), "one-or-more");
        m.add(p("**.a.**.a.**"), "two-a");
        assertArrayEquals(new String[] {"both", "one-or-more"}, m.resolve("a").subscribers());
        assertArrayEquals(new String[] {"both", "one-or-more", "two-a"}, m.resolve("a.x.a.a").subscribers());
    }

    @Test
    void nonAsciiSegmentsAreLookedUpByRegion() {
        TopicMatcher<String> m = matcher(0);
        m.add(p("données.*"), "fr");
        m.add(p("数据.**"), "zh");
        m.add(p("emoji.?.🚀"), "emoji");
        m.add(p("emoji.*.*🚀*"), "rocket-glob");
        m.add(p("数据.?情"), "glob-zh");
        assertArrayEquals(new String[] {"fr"}, m.resolve("données.marché").subscribers());
        assertArrayEquals(new String[] {"zh"}, m.resolve("数据.行情.币安").subscribers());
        assertArrayEquals(new String[] {"zh", "glob-zh"}, m.resolve("数据.行情").subscribers());
        assertArrayEquals(new String[] {"emoji", "rocket-glob"}, m.resolve("emoji.😀.🚀").subscribers());
        assertArrayEquals(new String[] {"rocket-glob"}, m.resolve("emoji.x.to🚀moon").subscribers());
        assertArrayEquals(new String[] {"rocket-glob"}, m.resolve("emoji.😀😀.🚀").subscribers());
    }

    @Test
    void removingEverythingLeavesAnEmptyTrie() {
        TopicMatcher<String> m = matcher(0);
        String[] patterns = {"a.b.c", "a.*.c", "a.**", "**.c", "a.b*.c", "a.b*", "x"};
        for (String pattern : patterns) {
            m.add(p(pattern), "s1");
            m.add(p(pattern), "s2");
        }
        for (String pattern : patterns) {
            assertTrue(m.remove(p(pattern), "s2"));
            assertTrue(m.remove(p(pattern), "s1"));
        }
        TrieNode<String> root = m.trie();
        assertEquals(0, root.literals.size());
        assertNull(root.anyOne);
        assertNull(root.anyMany);
        assertEquals(0, root.globs.length);
        assertEquals(0, m.patternCount());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new TopicMatcher<String>(String[]::new, -1));
        assertThrows(IllegalArgumentException.class, () -> new TopicMatcher<String>(n -> new String[1], 0));
        assertThrows(NullPointerException.class, () -> matcher(0).add(null, "s"));
        assertThrows(NullPointerException.class, () -> matcher(0).add(p("a"), null));
    }
}
