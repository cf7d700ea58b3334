package io.tributary.runtime.transport.kafka;

import io.tributary.api.Priority;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a Tributary topic pattern ({@code *} one segment, {@code **} any number, {@code ?} and
 * {@code *} inside a segment) into a regex over the lane topics {@code <app>.<topic>.<lane>} of that
 * pattern, for Kafka Streams' pattern sources.
 */
final class LanePatterns {
    private static final String SEGMENT = "[^.]+";
    private static final String LANES = "\\.(?:critical|high|normal|low)";

    private LanePatterns() {
    }

    static Pattern lanesOf(String app, String topicPattern) {
        return Pattern.compile(escape(app) + "\\." + topicRegex(topicPattern) + LANES);
    }

    /**
     * The topics of one lane of every stream of {@code app}, those created later included, but for
     * streams matching one of {@code excluded} (Tributary topic patterns) unless listed in
     * {@code included}: a negative lookahead, since Kafka's pattern subscription takes one regex.
     */
    static Pattern everyStreamBut(String app, Priority priority, Collection<String> included,
                                  Collection<String> excluded) {
        String lane = "\\." + priority.name().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(escape(app)).append("\\.(?:");
        for (String stream : included) {
            out.append(escape(stream)).append('|');
        }
        if (!excluded.isEmpty()) {
            out.append("(?!(?:");
            String sep = "";
            for (String pattern : excluded) {
                out.append(sep).append(topicRegex(pattern));
                sep = "|";
            }
            out.append(')').append(lane).append("$)");
        }
        out.append(SEGMENT).append("(?:\\.").append(SEGMENT).append(")*)").append(lane);
        return Pattern.compile(out.toString());
    }

    static String topicRegex(String topicPattern) {
        String[] segments = topicPattern.split("\\.", -1);
        if (segments.length == 1 && segments[0].equals("**")) {
            return SEGMENT + "(?:\\." + SEGMENT + ")*";
        }
        StringBuilder out = new StringBuilder();
        boolean needDot = false;
        for (String s : segments) {
            if (s.equals("**")) {
                out.append(needDot ? "(?:\\." + SEGMENT + ")*" : "(?:" + SEGMENT + "\\.)*");
                continue;
            }
            if (needDot) {
                out.append("\\.");
            }
            out.append(segment(s));
            needDot = true;
        }
        return out.toString();
    }

    /** Backslash before regex metacharacters: readable in describe(), unlike \\Q…\\E. */
    private static String escape(String literal) {
        StringBuilder out = new StringBuilder(literal.length() + 4);
        for (char c : literal.toCharArray()) {
            if ("\\.[]{}()<>*+-=!?^$|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String segment(String s) {
        if (s.equals("*")) {
            return SEGMENT;
        }
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    out.append(escape(literal.toString()));
                    literal.setLength(0);
                }
                out.append(c == '*' ? "[^.]*" : "[^.]");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            out.append(escape(literal.toString()));
        }
        return out.toString();
    }
}
