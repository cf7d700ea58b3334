package io.tributary.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicTest {

    private static final String STAR = "wildcard '*' is not allowed in a topic (only in patterns)";
    private static final String QUESTION = "wildcard '?' is not allowed in a topic (only in patterns)";

    static Stream<Arguments> invalidTopics() {
        return Stream.of(
                Arguments.of("", 0, "empty topic"),
                Arguments.of(".", 0, "empty segment"),
                Arguments.of(".a", 0, "empty segment"),
                Arguments.of("a.", 2, "empty segment"),
                Arguments.of("a..b", 2, "empty segment"),
                Arguments.of("data.quotes.*", 12, STAR),
                Arguments.of("data.**", 5, STAR),
                Arguments.of("BTC?", 3, QUESTION),
                Arguments.of("a b", 1, "whitespace U+0020"),
                Arguments.of("a\tb", 1, "whitespace U+0009"),
                Arguments.of("a\r", 1, "whitespace U+000D"),
                Arguments.of("a\u2028b", 1, "whitespace U+2028"),
                Arguments.of("a.\u0007", 2, "control character U+0007"),
                Arguments.of("a.b\u200Bc", 3, "invisible format character U+200B"),
                Arguments.of("a.\u00ADb", 2, "invisible format character U+00AD"),
                Arguments.of("\uDBFFa", 0, "unpaired surrogate U+DBFF"),
                Arguments.of("数据..行情", 3, "empty segment"),
                Arguments.of("😀.?", 3, QUESTION));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}: {2}")
    @MethodSource("invalidTopics")
    void rejectsInvalidTopicsAtThePosition(String topic, int position, String reason) {
        InvalidPatternException e = assertThrows(InvalidPatternException.class, () -> Topic.validate(topic));
        assertEquals(topic, e.input());
        assertEquals(position, e.position());
        assertEquals(reason, e.reason());
        assertTrue(e.getMessage().startsWith("invalid topic: " + reason + " at position " + position));
        assertFalse(Topic.isValid(topic));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "data.quotes.BINANCE.BTCUSDT", "données.marché", "数据.行情.币安", "emoji.😀.🚀",
            "👨\u200D👩\u200D👧.family", "a-b_c:d/e#f>g+h", "x.\uD83E\uDEE0" /* U+1FAE0, unassigned in Java 17 */,
            "private.\uE000"})
    void acceptsValidTopics(String topic) {
        assertSame(topic, Topic.validate(topic));
        assertTrue(Topic.isValid(topic));
    }

    @Test
    void nullIsNotAValidTopic() {
        assertFalse(Topic.isValid(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Topic.validate(null));
        assertEquals("topic must not be null", e.getMessage());
    }

    @Test
    void patternsAndTopicsAcceptTheSameCharacters() {
        for (int cp = 0; cp <= 0x3000; cp++) {
            if (cp == '.' || cp == '*' || cp == '?' || Character.getType(cp) == Character.SURROGATE) {
                continue;
            }
            String text = "a" + Character.toString(cp);
            boolean pattern = parses(text);
            assertEquals(Topic.isValid(text), pattern, () -> "U+" + Integer.toHexString(Character.codePointAt(text, 1)));
        }
    }

    private static boolean parses(String pattern) {
        try {
            TopicPattern.parse(pattern);
            return true;
        } catch (InvalidPatternException e) {
            return false;
        }
    }
}
