package io.tributary.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.TopicPattern.SegmentKind;
import io.tributary.api.TopicPattern.Syntax;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TopicPatternParseTest {

    private static final String TRIPLE_STAR = "'***' is not a wildcard (use '*' for one segment, '**' for any number)";
    private static final String GLUED = "'**' must be a whole segment";

    static Stream<Arguments> invalidPatterns() {
        return Stream.of(
                invalid(Syntax.TRIBUTARY, "", 0, "empty pattern"),
                invalid(Syntax.TRIBUTARY, ".", 0, "empty segment"),
                invalid(Syntax.TRIBUTARY, ".a", 0, "empty segment"),
                invalid(Syntax.TRIBUTARY, "a.", 2, "empty segment"),
                invalid(Syntax.TRIBUTARY, "a..b", 2, "empty segment"),
                invalid(Syntax.TRIBUTARY, "data.quotes..X", 12, "empty segment"),
                invalid(Syntax.TRIBUTARY, "**..a", 3, "empty segment"),
                invalid(Syntax.TRIBUTARY, "***", 0, TRIPLE_STAR),
                invalid(Syntax.TRIBUTARY, "a.***.b", 2, TRIPLE_STAR),
                invalid(Syntax.TRIBUTARY, "a****", 1, TRIPLE_STAR),
                invalid(Syntax.TRIBUTARY, "a**", 1, GLUED),
                invalid(Syntax.TRIBUTARY, "**a", 0, GLUED),
                invalid(Syntax.TRIBUTARY, "a.b**c", 3, GLUED),
                invalid(Syntax.TRIBUTARY, "*a**", 2, GLUED),
                invalid(Syntax.TRIBUTARY, "?**", 1, GLUED),
                invalid(Syntax.TRIBUTARY, "a b", 1, "whitespace U+0020"),
                invalid(Syntax.TRIBUTARY, "a.\tb", 2, "whitespace U+0009"),
                invalid(Syntax.TRIBUTARY, "a.\nb", 2, "whitespace U+000A"),
                invalid(Syntax.TRIBUTARY, "a\u00A0b", 1, "whitespace U+00A0"),
                invalid(Syntax.TRIBUTARY, "a\u3000b", 1, "whitespace U+3000"),
                invalid(Syntax.TRIBUTARY, "a\u0000", 1, "control character U+0000"),
                invalid(Syntax.TRIBUTARY, "a.\u007F", 2, "control character U+007F"),
                invalid(Syntax.TRIBUTARY, "a\u0085b", 1, "control character U+0085"),
                invalid(Syntax.TRIBUTARY, "a.b\u200Bc", 3, "invisible format character U+200B"),
                invalid(Syntax.TRIBUTARY, "\u202Eabc", 0, "invisible format character U+202E"),
                invalid(Syntax.TRIBUTARY, "\uFEFFdata", 0, "invisible format character U+FEFF"),
                invalid(Syntax.TRIBUTARY, "a.\uD800", 2, "unpaired surrogate U+D800"),
                invalid(Syntax.TRIBUTARY, "a.\uDC00b", 2, "unpaired surrogate U+DC00"),
                invalid(Syntax.TRIBUTARY, "数据.行 情", 4, "whitespace U+0020"),
                invalid(Syntax.TRIBUTARY, "😀.😀 ", 5, "whitespace U+0020"),
                // the first problem from the left wins
                invalid(Syntax.TRIBUTARY, "a b..c", 1, "whitespace U+0020"),
                invalid(Syntax.TRIBUTARY, "a..b c", 2, "empty segment"),
                invalid(Syntax.TRIBUTARY, "a**.b c", 1, GLUED),
                invalid(Syntax.NAUTILUS, "", 0, "empty pattern"),
                invalid(Syntax.NAUTILUS, ".a*", 0, "empty segment"),
                invalid(Syntax.NAUTILUS, "a*.", 3, "empty segment"),
                invalid(Syntax.NAUTILUS, "a..*", 2, "empty segment"),
                invalid(Syntax.NAUTILUS, "a *", 1, "whitespace U+0020"),
                invalid(Syntax.NAUTILUS, "data.\u0001", 5, "control character U+0001"));
    }

    private static Arguments invalid(Syntax syntax, String pattern, int position, String reason) {
        return Arguments.of(syntax, pattern, position, reason);
    }

    @ParameterizedTest(name = "{0} \"{1}\" -> {2}: {3}")
    @MethodSource("invalidPatterns")
    void rejectsInvalidPatternsAtThePosition(Syntax syntax, String pattern, int position, String reason) {
        InvalidPatternException e = assertThrows(InvalidPatternException.class, () -> TopicPattern.parse(pattern, syntax));
        assertEquals(pattern, e.input());
        assertEquals(position, e.position());
        assertEquals(reason, e.reason());
    }

    @Test
    void messagePointsACaretAtTheCulprit() {
        InvalidPatternException e = assertThrows(InvalidPatternException.class,
                () -> TopicPattern.parse("data..BINANCE"));
        String[] lines = e.getMessage().split(System.lineSeparator());
        assertEquals("invalid topic pattern: empty segment at position 5", lines[0]);
        assertEquals("  data..BINANCE", lines[1]);
        assertEquals("       ^", lines[2]);
    }

    @Test
    void messageKeepsItsShapeWhenTheCulpritIsANewline() {
        InvalidPatternException e = assertThrows(InvalidPatternException.class, () -> TopicPattern.parse("ab\nc"));
        String[] lines = e.getMessage().split(System.lineSeparator());
        assertEquals(3, lines.length);
        assertEquals("  ab\uFFFDc", lines[1]);
        assertEquals(2, lines[2].indexOf('^') - 2);
    }

    @Test
    void exceptionClampsAPositionOutsideTheInput() {
        assertEquals(3, new InvalidPatternException("x", "abc", 9, "r").position());
        assertEquals(0, new InvalidPatternException("x", "abc", -1, "r").position());
    }

    @Test
    void nullIsRejectedButIsNotAnInvalidPattern() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopicPattern.parse(null));
        assertFalse(e instanceof InvalidPatternException);
        assertEquals("pattern must not be null", e.getMessage());
        assertThrows(NullPointerException.class, () -> TopicPattern.parse("a", null));
        assertThrows(NullPointerException.class, () -> TopicPattern.parse("a").matches(null));
    }

    @Test
    void splitsSegmentsAndClassifiesThem() {
        TopicPattern p = TopicPattern.parse("data.*.**.BTC*.?x.données");
        assertEquals(6, p.segmentCount());
        assertArrayEquals(new String[] {"data", "*", "**", "BTC*", "?x", "données"},
                IntStream.range(0, 6).mapToObj(p::segment).toArray());
        assertArrayEquals(new SegmentKind[] {SegmentKind.LITERAL, SegmentKind.ANY_ONE, SegmentKind.ANY_MANY,
                SegmentKind.GLOB, SegmentKind.GLOB, SegmentKind.LITERAL},
                IntStream.range(0, 6).mapToObj(p::kind).toArray());
        assertFalse(p.isLiteral());
        assertEquals(Syntax.TRIBUTARY, p.syntax());
        assertEquals("data.*.**.BTC*.?x.données", p.pattern());
    }

    @Test
    void literalPatternsAreRecognised() {
        assertTrue(TopicPattern.parse("data.quotes.BINANCE.BTCUSDT").isLiteral());
        assertTrue(TopicPattern.parse("数据.😀").isLiteral());
        assertFalse(TopicPattern.parse("data.quotes", Syntax.NAUTILUS).isLiteral());
    }

    @Test
    void nautilusPatternIsOneGlobSegment() {
        TopicPattern p = TopicPattern.parse("data.***.?", Syntax.NAUTILUS);
        assertEquals(1, p.segmentCount());
        assertEquals("data.***.?", p.segment(0));
        assertEquals(SegmentKind.GLOB, p.kind(0));
        assertEquals("NAUTILUS:data.***.?", p.toString());
    }

    @Test
    void equalityIsTextAndSyntax() {
        assertEquals(TopicPattern.parse("a.*"), TopicPattern.parse("a.*"));
        assertEquals(TopicPattern.parse("a.*").hashCode(), TopicPattern.parse("a.*").hashCode());
        assertNotEquals(TopicPattern.parse("a.*"), TopicPattern.parse("a.*", Syntax.NAUTILUS));
        assertNotEquals(TopicPattern.parse("a.**"), TopicPattern.parse("a.**.**"));
        assertEquals("a.*", TopicPattern.parse("a.*").toString());
    }
}
