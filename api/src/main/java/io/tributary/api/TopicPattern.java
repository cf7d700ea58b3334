package io.tributary.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A compiled subscription pattern. Immutable and thread-safe; equal when text and syntax are equal.
 *
 * <h2>{@link Syntax#TRIBUTARY} (default)</h2>
 * Dot-separated segments, each one of:
 * <ul>
 *   <li>a literal: {@code BINANCE} matches that segment exactly (case-sensitive, no Unicode
 *       normalization);</li>
 *   <li>{@code *}: exactly one segment (segments are never empty);</li>
 *   <li>{@code **}: zero or more segments, anywhere in the pattern and as often as wanted;</li>
 *   <li>a glob: a segment with {@code ?} (exactly one character, i.e. one code point, so
 *       {@code ?} matches {@code é} or {@code 😀}) and/or {@code *} (any run of characters,
 *       possibly empty) inside one segment: {@code BTC*} matches {@code BTC} and
 *       {@code BTCUSDT}; {@code ?TC*USD} matches {@code BTCUSD}.</li>
 * </ul>
 * Consequences worth knowing:
 * <ul>
 *   <li>{@code a.**} matches {@code a} (zero segments), {@code a.b}, {@code a.b.c};
 *       {@code **.a} matches {@code a} and {@code x.y.a}; {@code a.**.b} matches {@code a.b}.</li>
 *   <li>{@code **} alone matches every topic; {@code **.**} is the same as {@code **}.</li>
 *   <li>{@code *.*} matches exactly two segments; {@code *.**}, {@code **.*} and {@code **.*.**}
 *       all match one or more.</li>
 * </ul>
 * Rejected with an {@link InvalidPatternException} that points at the culprit: the empty pattern,
 * empty segments ({@code a..b}, {@code .a}, {@code a.}), {@code ***} and longer runs of stars,
 * {@code **} glued to other characters in a segment ({@code a**}, {@code **b}), and every
 * character {@link Topic} rejects (whitespace, control and invisible format characters, unpaired
 * surrogates).
 *
 * <h2>{@link Syntax#NAUTILUS}</h2>
 * NautilusTrader's matching over the whole string: {@code *} is any run of characters, dots
 * included, possibly empty; {@code ?} is exactly one character (one code point, where
 * NautilusTrader counts bytes: they differ only for non-ASCII text), dot included. So
 * {@code data.*} matches {@code data.quotes.BINANCE.BTCUSDT}. The same characters as in
 * {@link Topic} are rejected, and so are empty segments ({@code a..b}, a leading or trailing dot),
 * since such a pattern could never match a topic.
 */
public final class TopicPattern {

    /** How the pattern text is read. */
    public enum Syntax { TRIBUTARY, NAUTILUS }

    /** What one segment of a {@link Syntax#TRIBUTARY} pattern matches. */
    public enum SegmentKind {
        /** the segment text exactly */
        LITERAL,
        /** {@code *}: any one segment */
        ANY_ONE,
        /** {@code **}: zero or more segments */
        ANY_MANY,
        /** in-segment {@code ?} and {@code *} */
        GLOB
    }

    private static final String INVALID = "invalid topic pattern";

    private final String pattern;
    private final Syntax syntax;
    private final String[] segments;
    private final SegmentKind[] kinds;

    private TopicPattern(String pattern, Syntax syntax, String[] segments, SegmentKind[] kinds) {
        this.pattern = pattern;
        this.syntax = syntax;
        this.segments = segments;
        this.kinds = kinds;
    }

    /** Parses a {@link Syntax#TRIBUTARY} pattern. */
    public static TopicPattern parse(String pattern) {
        return parse(pattern, Syntax.TRIBUTARY);
    }

    /**
     * @throws InvalidPatternException  naming the first offending position
     * @throws IllegalArgumentException if {@code pattern} is null
     */
    public static TopicPattern parse(String pattern, Syntax syntax) {
        Objects.requireNonNull(syntax, "syntax");
        if (pattern == null) {
            throw new IllegalArgumentException("pattern must not be null");
        }
        if (pattern.isEmpty()) {
            throw new InvalidPatternException(INVALID, pattern, 0, "empty pattern");
        }
        return syntax == Syntax.NAUTILUS ? parseNautilus(pattern) : parseTributary(pattern);
    }

    private static TopicPattern parseNautilus(String pattern) {
        int segmentStart = 0;
        for (int i = 0; i < pattern.length(); ) {
            int cp = pattern.codePointAt(i);
            if (cp == '.') {
                if (i == segmentStart) {
                    throw new InvalidPatternException(INVALID, pattern, i, "empty segment");
                }
                segmentStart = i + 1;
            } else if (cp != '*' && cp != '?') {
                rejectBadChar(pattern, i, cp);
            }
            i += Character.charCount(cp);
        }
        if (segmentStart == pattern.length()) {
            throw new InvalidPatternException(INVALID, pattern, segmentStart, "empty segment");
        }
        return new TopicPattern(pattern, Syntax.NAUTILUS, new String[] {pattern},
                new SegmentKind[] {SegmentKind.GLOB});
    }

    private static TopicPattern parseTributary(String pattern) {
        List<String> segments = new ArrayList<>();
        List<SegmentKind> kinds = new ArrayList<>();
        int start = 0;
        while (true) {
            int dot = pattern.indexOf('.', start);
            int end = dot < 0 ? pattern.length() : dot;
            if (end == start) {
                throw new InvalidPatternException(INVALID, pattern, start, "empty segment");
            }
            segments.add(pattern.substring(start, end));
            kinds.add(classify(pattern, start, end));
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        return new TopicPattern(pattern, Syntax.TRIBUTARY, segments.toArray(String[]::new),
                kinds.toArray(SegmentKind[]::new));
    }

    /** Kind of the segment {@code pattern[start, end)}; rejects it with the culprit's position. */
    private static SegmentKind classify(String pattern, int start, int end) {
        boolean wildcard = false;
        for (int i = start; i < end; ) {
            int cp = pattern.codePointAt(i);
            if (cp == '*') {
                if (i + 1 < end && pattern.charAt(i + 1) == '*') {
                    if (i + 2 < end && pattern.charAt(i + 2) == '*') {
                        throw new InvalidPatternException(INVALID, pattern, i,
                                "'***' is not a wildcard (use '*' for one segment, '**' for any number)");
                    }
                    if (end - start != 2) {
                        throw new InvalidPatternException(INVALID, pattern, i, "'**' must be a whole segment");
                    }
                    return SegmentKind.ANY_MANY;
                }
                wildcard = true;
            } else if (cp == '?') {
                wildcard = true;
            } else {
                rejectBadChar(pattern, i, cp);
            }
            i += Character.charCount(cp);
        }
        if (end - start == 1 && pattern.charAt(start) == '*') {
            return SegmentKind.ANY_ONE;
        }
        return wildcard ? SegmentKind.GLOB : SegmentKind.LITERAL;
    }

    private static void rejectBadChar(String pattern, int position, int cp) {
        String reason = Topic.badCharReason(cp);
        if (reason != null) {
            throw new InvalidPatternException(INVALID, pattern, position, reason);
        }
    }

    /** The text as given to {@link #parse}. */
    public String pattern() {
        return pattern;
    }

    public Syntax syntax() {
        return syntax;
    }

    /** Number of segments ({@link Syntax#NAUTILUS}: 1, the whole string as one glob). */
    public int segmentCount() {
        return segments.length;
    }

    /** The text of segment {@code index}, as written ({@code *}, {@code **}, {@code BTC*}…). */
    public String segment(int index) {
        return segments[index];
    }

    public SegmentKind kind(int index) {
        return kinds[index];
    }

    /**
     * True when the pattern has no wildcard, so it matches exactly one topic: itself. Always false
     * for {@link Syntax#NAUTILUS}, whose single segment is treated as a glob.
     */
    public boolean isLiteral() {
        if (syntax != Syntax.TRIBUTARY) {
            return false;
        }
        for (SegmentKind kind : kinds) {
            if (kind != SegmentKind.LITERAL) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code topic} matches. Allocation-free and linear in practice (worst case
     * O(segments × topic segments), never exponential), but it looks at this one pattern: the
     * runtime matches many patterns at once through a segment trie and checks itself against this
     * method in property tests.
     *
     * <p>{@code topic} is expected to be valid (see {@link Topic#validate}); it is not checked
     * again here because this runs per message. An invalid topic gives an unspecified answer.
     */
    public boolean matches(String topic) {
        Objects.requireNonNull(topic, "topic");
        if (syntax == Syntax.NAUTILUS) {
            return globMatchesRegion(pattern, topic, 0, topic.length());
        }
        return segmentsMatch(topic);
    }

    /**
     * Wildcard matching one level up from {@link #globMatchesRegion}: {@code **} plays the part of
     * the glob star and every other segment consumes exactly one topic segment. Greedy with a
     * single backtrack point, which is enough because a later {@code **} can absorb anything an
     * earlier one could have.
     */
    private boolean segmentsMatch(String topic) {
        int n = topic.length();
        int p = 0;
        int t = 0;               // start of the current topic segment; n + 1 once all are consumed
        int resumeP = -1;        // pattern index after the last '**' seen
        int resumeT = -1;        // topic segment where that '**' would resume absorbing
        while (t <= n) {
            int end = segmentEnd(topic, t);
            if (p < kinds.length) {
                if (kinds[p] == SegmentKind.ANY_MANY) {
                    resumeP = ++p;
                    resumeT = t;
                    continue;
                }
                if (segmentMatches(p, topic, t, end)) {
                    p++;
                    t = end + 1;
                    continue;
                }
            }
            if (resumeP < 0) {
                return false;
            }
            resumeT = segmentEnd(topic, resumeT) + 1;  // the last '**' swallows one more segment
            t = resumeT;
            p = resumeP;
        }
        while (p < kinds.length && kinds[p] == SegmentKind.ANY_MANY) {
            p++;
        }
        return p == kinds.length;
    }

    private static int segmentEnd(String topic, int from) {
        int dot = topic.indexOf('.', from);
        return dot < 0 ? topic.length() : dot;
    }

    private boolean segmentMatches(int p, String topic, int from, int to) {
        String segment = segments[p];
        return switch (kinds[p]) {
            case ANY_ONE -> true;
            case GLOB -> globMatchesRegion(segment, topic, from, to);
            case LITERAL -> segment.length() == to - from && topic.regionMatches(from, segment, 0, segment.length());
            case ANY_MANY -> throw new IllegalStateException("'**' is handled by the caller");
        };
    }

    /**
     * Glob match of {@code glob[g..]} against {@code text[t..]}: {@code ?} one code point,
     * {@code *} any run (possibly empty). Kept for callers of the first version; see
     * {@link #globMatchesRegion}.
     */
    public static boolean globMatches(String glob, int g, String text, int t) {
        return globMatches(glob, g, text, t, text.length());
    }

    /**
     * Glob match of all of {@code glob} against {@code text[from, to)} without copying the region:
     * {@code ?} is one code point, {@code *} any run of code points, possibly empty; every other
     * character matches itself. Iterative with one backtrack point: O(glob × region) worst case,
     * never exponential (a pattern such as {@code *a*a*a*b} cannot stall a publisher).
     */
    public static boolean globMatchesRegion(String glob, String text, int from, int to) {
        return globMatches(glob, 0, text, from, to);
    }

    private static boolean globMatches(String glob, int g, String text, int t, int to) {
        int starG = -1;   // glob index just after the last '*'
        int starT = -1;   // text index that '*' would stretch over next
        while (t < to) {
            if (g < glob.length()) {
                int gc = glob.codePointAt(g);
                if (gc == '*') {
                    starG = ++g;
                    starT = t;
                    continue;
                }
                int tc = text.codePointAt(t);
                if (gc == '?' || gc == tc) {
                    g += Character.charCount(gc);
                    t += Character.charCount(tc);
                    continue;
                }
            }
            if (starG < 0) {
                return false;
            }
            starT += Character.charCount(text.codePointAt(starT));
            t = starT;
            g = starG;
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicPattern p && p.pattern.equals(pattern) && p.syntax == syntax;
    }

    @Override
    public int hashCode() {
        return pattern.hashCode() * 31 + syntax.hashCode();
    }

    /** The pattern text; {@link Syntax#NAUTILUS} patterns are prefixed {@code NAUTILUS:}. */
    @Override
    public String toString() {
        return syntax == Syntax.TRIBUTARY ? pattern : syntax + ":" + pattern;
    }
}
