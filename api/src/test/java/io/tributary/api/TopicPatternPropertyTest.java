package io.tributary.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.api.TopicPattern.SegmentKind;
import io.tributary.api.TopicPattern.Syntax;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link TopicPattern#matches} (iterative, allocation-free) against a recursive oracle written the
 * obvious way, over a small alphabet so that matches are frequent. Includes non-ASCII and surrogate
 * pairs to check that '?' counts code points. Seeds are fixed so CI is deterministic; change one
 * locally to explore further.
 */
class TopicPatternPropertyTest {

    @Property(tries = 3000, seed = "20260101")
    void tributaryMatchesAgreeWithTheOracle(@ForAll("patterns") String pattern, @ForAll("topics") String topic) {
        TopicPattern p = TopicPattern.parse(pattern);
        assertEquals(Oracle.matches(p, topic), p.matches(topic), () -> pattern + " ~ " + topic);
    }

    @Property(tries = 3000, seed = "20260101")
    void nautilusMatchesAgreeWithTheOracle(@ForAll("nautilusPatterns") String pattern, @ForAll("topics") String topic) {
        TopicPattern p = TopicPattern.parse(pattern, Syntax.NAUTILUS);
        assertEquals(Oracle.glob(pattern, 0, topic, 0), p.matches(topic), () -> pattern + " ~ " + topic);
    }

    @Property(tries = 2000, seed = "20260101")
    void isValidAgreesWithValidate(@ForAll("anyText") String text) {
        boolean thrown;
        try {
            Topic.validate(text);
            thrown = false;
        } catch (InvalidPatternException e) {
            thrown = true;
        }
        assertEquals(!thrown, Topic.isValid(text), text);
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.of("a", "b", "é", "😀", "*", "**", "?", "a*", "*b", "?*", "a?b", "*😀*", "??")
                .list().ofMinSize(1).ofMaxSize(5).map(s -> String.join(".", s));
    }

    @Provide
    Arbitrary<String> nautilusPatterns() {
        return Arbitraries.of("a", "b", "é", "😀", "*", "?", ".")
                .list().ofMinSize(1).ofMaxSize(7).map(s -> String.join("", s))
                .filter(s -> !s.startsWith(".") && !s.endsWith(".") && !s.contains(".."));
    }

    @Provide
    Arbitrary<String> topics() {
        return Arbitraries.of("a", "b", "ab", "ba", "é", "😀", "aé", "b😀a", "aab")
                .list().ofMinSize(1).ofMaxSize(6).map(s -> String.join(".", s));
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().withChars("ab.*? \t\u200B\uD800é😀").ofMaxLength(6);
    }

    /** The first, recursive version of the matcher: slow and obviously right. */
    static final class Oracle {
        static boolean matches(TopicPattern p, String topic) {
            return segments(p, 0, topic.split("\\.", -1), 0);
        }

        private static boolean segments(TopicPattern p, int i, String[] topic, int t) {
            if (i == p.segmentCount()) {
                return t == topic.length;
            }
            SegmentKind kind = p.kind(i);
            if (kind == SegmentKind.ANY_MANY) {
                for (int skip = t; skip <= topic.length; skip++) {
                    if (segments(p, i + 1, topic, skip)) {
                        return true;
                    }
                }
                return false;
            }
            if (t == topic.length) {
                return false;
            }
            boolean one = switch (kind) {
                case ANY_ONE -> true;
                case GLOB -> glob(p.segment(i), 0, topic[t], 0);
                default -> p.segment(i).equals(topic[t]);
            };
            return one && segments(p, i + 1, topic, t + 1);
        }

        static boolean glob(String glob, int g, String text, int t) {
            if (g == glob.length()) {
                return t == text.length();
            }
            int gc = glob.codePointAt(g);
            if (gc == '*') {
                for (int k = t; ; k += Character.charCount(text.codePointAt(k))) {
                    if (glob(glob, g + 1, text, k)) {
                        return true;
                    }
                    if (k == text.length()) {
                        return false;
                    }
                }
            }
            if (t == text.length()) {
                return false;
            }
            int tc = text.codePointAt(t);
            return (gc == '?' || gc == tc) && glob(glob, g + Character.charCount(gc), text, t + Character.charCount(tc));
        }

        private Oracle() {
        }
    }

}
