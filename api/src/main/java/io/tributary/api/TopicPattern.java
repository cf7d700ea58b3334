package io.tributary.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A compiled subscription pattern.
 *
 * <h2>{@link Syntax#TRIBUTARY} (default)</h2>
 * Dot-separated segments, each one of:
 * <ul>
 *   <li>a literal: {@code BINANCE}</li>
 *   <li>{@code *}: exactly one segment</li>
 *   <li>{@code **}: zero or more segments, anywhere in the pattern</li>
 *   <li>a glob: a literal with {@code ?} (one character) and/or {@code *} (any run of characters,
 *       possibly empty) inside one segment: {@code BTC*}, {@code ETH?USD}</li>
 * </ul>
 * Rejected: empty segments, {@code ***}, {@code **} mixed with other characters in a segment,
 * whitespace and control characters.
 *
 * <h2>{@link Syntax#NAUTILUS}</h2>
 * NautilusTrader's matching over the whole string: {@code *} any run of characters including dots,
 * {@code ?} exactly one character.
 */
public final class TopicPattern {

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

    public static TopicPattern parse(String pattern) {
        return parse(pattern, Syntax.TRIBUTARY);
    }

    /** @throws InvalidPatternException naming the offending position */
    public static TopicPattern parse(String pattern, Syntax syntax) {
        Objects.requireNonNull(syntax, "syntax");
        if (pattern == null) {
            throw new IllegalArgumentException("pattern must not be null");
        }
        if (pattern.isEmpty()) {
            throw new InvalidPatternException("invalid topic pattern", pattern, 0, "empty pattern");
        }
        return syntax == Syntax.NAUTILUS ? parseNautilus(pattern) : parseTributary(pattern);
    }

    private static TopicPattern parseNautilus(String pattern) {
        for (int i = 0; i < pattern.length(); ) {
            int cp = pattern.codePointAt(i);
            if (cp != '*' && cp != '?' && cp != '.' && !Topic.isSegmentChar(cp)) {
                throw new InvalidPatternException("invalid topic pattern", pattern, i, Topic.describeBadChar(cp));
            }
            i += Character.charCount(cp);
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
                throw new InvalidPatternException("invalid topic pattern", pattern, start, "empty segment");
            }
            String segment = pattern.substring(start, end);
            segments.add(segment);
            kinds.add(classify(pattern, start, segment));
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        return new TopicPattern(pattern, Syntax.TRIBUTARY, segments.toArray(String[]::new),
                kinds.toArray(SegmentKind[]::new));
    }

    private static SegmentKind classify(String pattern, int offset, String segment) {
        boolean wildcard = false;
        for (int i = 0; i < segment.length(); ) {
            int cp = segment.codePointAt(i);
            if (cp == '*') {
                if (i + 1 < segment.length() && segment.charAt(i + 1) == '*') {
                    if (segment.length() != 2) {
                        String reason = segment.startsWith("***") || segment.contains("***")
                                ? "'***' is not a wildcard (use '*' for one segment, '**' for any number)"
                                : "'**' must be a whole segment";
                        throw new InvalidPatternException("invalid topic pattern", pattern, offset + i, reason);
                    }
                    return SegmentKind.ANY_MANY;
                }
                wildcard = true;
            } else if (cp == '?') {
                wildcard = true;
            } else if (!Topic.isSegmentChar(cp)) {
                throw new InvalidPatternException("invalid topic pattern", pattern, offset + i, Topic.describeBadChar(cp));
            }
            i += Character.charCount(cp);
        }
        if (segment.equals("*")) {
            return SegmentKind.ANY_ONE;
        }
        return wildcard ? SegmentKind.GLOB : SegmentKind.LITERAL;
    }

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

    public String segment(int index) {
        return segments[index];
    }

    public SegmentKind kind(int index) {
        return kinds[index];
    }

    /** True when the pattern has no wildcard: it matches exactly one topic, itself. */
    public boolean isLiteral() {
        for (SegmentKind kind : kinds) {
            if (kind != SegmentKind.LITERAL) {
                return false;
            }
        }
        return syntax == Syntax.TRIBUTARY;
    }

    /**
     * Reference matcher: simple and obviously correct, not fast. The runtime matches through a
     * segment trie and checks itself against this in property tests.
     */
    public boolean matches(String topic) {
        if (syntax == Syntax.NAUTILUS) {
            return globMatches(pattern, 0, topic, 0);
        }
        String[] topicSegments = topic.split("\\.", -1);
        return matchSegments(0, topicSegments, 0);
    }

    private boolean matchSegments(int p, String[] topic, int t) {
        if (p == segments.length) {
            return t == topic.length;
        }
        switch (kinds[p]) {
            case ANY_MANY:
                for (int skip = t; skip <= topic.length; skip++) {
                    if (matchSegments(p + 1, topic, skip)) {
                        return true;
                    }
                }
                return false;
            case ANY_ONE:
                return t < topic.length && matchSegments(p + 1, topic, t + 1);
            case GLOB:
                return t < topic.length && globMatches(segments[p], 0, topic[t], 0)
                        && matchSegments(p + 1, topic, t + 1);
            default:
                return t < topic.length && segments[p].equals(topic[t]) && matchSegments(p + 1, topic, t + 1);
        }
    }

    /** In-segment glob: '?' one code point, '*' any run (possibly empty). */
    public static boolean globMatches(String glob, int g, String text, int t) {
        while (g < glob.length()) {
            int gc = glob.codePointAt(g);
            if (gc == '*') {
                int next = g + 1;
                for (int k = t; k <= text.length(); k = k < text.length() ? text.offsetByCodePoints(k, 1) : k + 1) {
                    if (globMatches(glob, next, text, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (t >= text.length()) {
                return false;
            }
            int tc = text.codePointAt(t);
            if (gc != '?' && gc != tc) {
                return false;
            }
            g += Character.charCount(gc);
            t += Character.charCount(tc);
        }
        return t == text.length();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicPattern p && p.pattern.equals(pattern) && p.syntax == syntax;
    }

    @Override
    public int hashCode() {
        return pattern.hashCode() * 31 + syntax.hashCode();
    }

    @Override
    public String toString() {
        return syntax == Syntax.TRIBUTARY ? pattern : syntax + ":" + pattern;
    }
}
