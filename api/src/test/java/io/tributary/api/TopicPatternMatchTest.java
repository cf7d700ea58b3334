package io.tributary.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.TopicPattern.Syntax;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matching grammar as a table: pattern | topic | expected. */
class TopicPatternMatchTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # literal: whole segments, case-sensitive
            data.quotes.BINANCE.BTCUSDT | data.quotes.BINANCE.BTCUSDT   | true
            data.quotes.BINANCE.BTCUSDT | data.quotes.BINANCE.ETHUSDT   | false
            data.quotes.BINANCE         | data.quotes.BINANCE.BTCUSDT   | false
            data.quotes.BINANCE.BTCUSDT | data.quotes.BINANCE           | false
            data.quotes                 | data.QUOTES                   | false
            a                           | a                             | true
            a                           | ab                            | false
            ab                          | a                             | false
            # '*': exactly one segment
            data.quotes.*.*             | data.quotes.BINANCE.BTCUSDT   | true
            data.quotes.*.*             | data.quotes.BINANCE           | false
            data.quotes.*.*             | data.quotes.BINANCE.BTCUSDT.x | false
            *                           | data                          | true
            *                           | data.quotes                   | false
            *.*                         | a.b                           | true
            *.*                         | a                             | false
            *.*                         | a.b.c                         | false
            data.*.BINANCE.*            | data.trades.BINANCE.BTCUSDT   | true
            data.*.BINANCE.*            | data.trades.KRAKEN.BTCUSDT    | false
            # '**': zero or more segments, first / middle / last
            **                          | a                             | true
            **                          | data.quotes.BINANCE.BTCUSDT   | true
            a.**                        | a                             | true
            a.**                        | a.b                           | true
            a.**                        | a.b.c.d                       | true
            a.**                        | b.a                           | false
            a.**                        | ab                            | false
            **.BTCUSDT                  | BTCUSDT                       | true
            **.BTCUSDT                  | data.quotes.BINANCE.BTCUSDT   | true
            **.BTCUSDT                  | data.quotes.BTCUSDT.x         | false
            data.**.BTCUSDT             | data.BTCUSDT                  | true
            data.**.BTCUSDT             | data.quotes.BINANCE.BTCUSDT   | true
            data.**.BTCUSDT             | data.quotes.BINANCE.ETHUSDT   | false
            data.**.BTCUSDT             | quotes.BINANCE.BTCUSDT        | false
            # '**' several times
            **.quotes.**                | data.quotes.BINANCE.BTCUSDT   | true
            **.quotes.**                | quotes                        | true
            **.quotes.**                | data.trades.BINANCE           | false
            a.**.b.**.c                 | a.b.c                         | true
            a.**.b.**.c                 | a.x.b.y.z.c                   | true
            a.**.b.**.c                 | a.x.c.b                       | false
            a.**.b.**.c                 | a.b.b.c.c                     | true
            **.a.**.a                   | a.a                           | true
            **.a.**.a                   | x.a.y                         | false
            # consecutive wildcards
            **.**                       | a                             | true
            **.**                       | a.b.c                         | true
            **.*                        | a                             | true
            **.*                        | a.b.c                         | true
            *.**                        | a                             | true
            **.*.**                     | a                             | true
            **.*.**                     | a.b.c                         | true
            *.*.**                      | a                             | false
            *.*.**                      | a.b                           | true
            **.*.*                      | a                             | false
            **.*.*                      | x.y.z                         | true
            *.**.*                      | a.b                           | true
            *.**.*                      | a                             | false
            # globs inside one segment: '?' one character, '*' any run (possibly empty)
            data.quotes.*.BTC*          | data.quotes.BINANCE.BTCUSDT   | true
            data.quotes.*.BTC*          | data.quotes.BINANCE.BTC       | true
            data.quotes.*.BTC*          | data.quotes.BINANCE.ETHBTC    | false
            data.quotes.*.?TC*USD       | data.quotes.BINANCE.BTCUSD    | true
            data.quotes.*.?TC*USD       | data.quotes.BINANCE.BTC-PERP-USD | true
            data.quotes.*.?TC*USD       | data.quotes.BINANCE.TCUSD     | false
            data.quotes.*.*USD*         | data.quotes.BINANCE.USD       | true
            data.quotes.*.*USD*         | data.quotes.BINANCE.BTCUSDT   | true
            data.quotes.*.*USD*         | data.quotes.BINANCE.BTCEUR    | false
            *USD*                       | a.USD                         | false
            ???                         | abc                           | true
            ???                         | ab                            | false
            ???                         | abcd                          | false
            a*b*c                       | abbbc                         | true
            a*b*c                       | acb                           | false
            V?.*                        | V1.x                          | true
            V?.*                        | V12.x                         | false
            # non-ASCII segments; '?' is one code point, also for a surrogate pair
            données.*                   | données.marché                | true
            données.*                   | donnees.marche                | false
            数据.**                      | 数据                           | true
            数据.**                      | 数据.行情.币安                  | true
            数据.?                       | 数据.行                        | true
            数据.?                       | 数据.行情                      | false
            prix.?                      | prix.é                        | true
            emoji.?                     | emoji.😀                      | true
            emoji.??                    | emoji.😀                      | false
            emoji.*🚀*                  | emoji.to🚀moon                | true
            emoji.*🚀*                  | emoji.moon                    | false
            👨‍👩‍👧.*                        | 👨‍👩‍👧.x                         | true
            """)
    void tributary(String pattern, String topic, boolean expected) {
        assertEquals(expected, TopicPattern.parse(pattern).matches(Topic.validate(topic)));
    }

    @ParameterizedTest(name = "NAUTILUS {0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            data.quotes.BINANCE.BTCUSDT | data.quotes.BINANCE.BTCUSDT  | true
            data.quotes.BINANCE.BTCUSDT | data.quotes.BINANCE.BTCUSD   | false
            data.*                      | data.quotes.BINANCE.BTCUSDT  | true
            data.*                      | data                         | false
            data*                       | data                         | true
            data.quotes.*.BTCUSDT       | data.quotes.BINANCE.BTCUSDT  | true
            data.quotes.*.BTCUSDT       | data.quotes.A.B.BTCUSDT      | true
            data.quotes.*.BTCUSDT       | data.quotes.BINANCE.ETHUSDT  | false
            data.?uotes.*               | data.quotes.X                | true
            data?quotes.*               | data.quotes.X                | true
            *                           | anything.at.all              | true
            *.BTCUSDT                   | data.quotes.BINANCE.BTCUSDT  | true
            *.BTCUSDT                   | BTCUSDT                      | false
            **                          | a.b                          | true
            données.*                   | données.marché.x             | true
            数据.??                      | 数据.行情                      | true
            emoji.?                     | emoji.😀                     | true
            """)
    void nautilus(String pattern, String topic, boolean expected) {
        assertEquals(expected, TopicPattern.parse(pattern, Syntax.NAUTILUS).matches(Topic.validate(topic)));
    }

    @Test
    void starsDoNotBacktrackExponentially() {
        String topic = "a".repeat(20_000);
        TopicPattern segmentGlob = TopicPattern.parse("*a*a*a*a*a*a*a*a*a*a*b");
        TopicPattern nautilus = TopicPattern.parse("*a*a*a*a*a*a*a*a*a*a*b", Syntax.NAUTILUS);
        TopicPattern manyStars = TopicPattern.parse("**.**.**.**.**.**.**.**.b");
        String deep = "a" + ".a".repeat(2_000);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertFalse(segmentGlob.matches(topic));
            assertFalse(nautilus.matches(topic));
            assertFalse(manyStars.matches(deep));
            assertTrue(manyStars.matches(deep + ".b"));
        });
    }

    @Test
    void globMatchesRegionLooksOnlyAtTheRegion() {
        String topic = "data.BTCUSDT.x";
        assertTrue(TopicPattern.globMatchesRegion("BTC*", topic, 5, 12));
        assertFalse(TopicPattern.globMatchesRegion("BTC*x", topic, 5, 12));
        assertTrue(TopicPattern.globMatchesRegion("", topic, 5, 5));
        assertTrue(TopicPattern.globMatches("USD*", 0, topic, 8));
        assertFalse(TopicPattern.globMatches("USD?", 0, topic, 8));
    }
}
