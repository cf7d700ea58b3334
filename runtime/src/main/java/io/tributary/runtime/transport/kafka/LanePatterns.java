package io.tributary.runtime.transport.kafka;

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
