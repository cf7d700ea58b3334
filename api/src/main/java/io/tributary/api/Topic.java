package io.tributary.api;

/**
 * Topic names: dot-separated, non-empty segments such as {@code data.quotes.BINANCE.BTCUSDT}. Any
 * character but whitespace, control characters, the separator and the wildcards {@code * ?} may
 * appear in a segment; non-ASCII is allowed.
 */
public final class Topic {
    private Topic() {
    }

    /**
     * @return {@code topic}, unchanged
     * @throws InvalidPatternException naming the offending position
     */
    public static String validate(String topic) {
        if (topic == null) {
            throw new IllegalArgumentException("topic must not be null");
        }
        if (topic.isEmpty()) {
            throw new InvalidPatternException("invalid topic", topic, 0, "empty topic");
        }
        int segmentStart = 0;
        for (int i = 0; i < topic.length(); ) {
            int cp = topic.codePointAt(i);
            if (cp == '.') {
                if (i == segmentStart) {
                    throw new InvalidPatternException("invalid topic", topic, i, "empty segment");
                }
                segmentStart = i + 1;
            } else if (cp == '*' || cp == '?') {
                throw new InvalidPatternException("invalid topic", topic, i,
                        "wildcard '" + (char) cp + "' is not allowed in a topic (only in patterns)");
            } else if (!isSegmentChar(cp)) {
                throw new InvalidPatternException("invalid topic", topic, i, describeBadChar(cp));
            }
            i += Character.charCount(cp);
        }
        if (segmentStart == topic.length()) {
            throw new InvalidPatternException("invalid topic", topic, topic.length(), "empty segment");
        }
        return topic;
    }

    /** True for a valid topic, without building an exception. */
    public static boolean isValid(String topic) {
        if (topic == null || topic.isEmpty()) {
            return false;
        }
        int segmentStart = 0;
        for (int i = 0; i < topic.length(); ) {
            int cp = topic.codePointAt(i);
            if (cp == '.') {
                if (i == segmentStart) {
                    return false;
                }
                segmentStart = i + 1;
            } else if (cp == '*' || cp == '?' || !isSegmentChar(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return segmentStart != topic.length();
    }

    static boolean isSegmentChar(int cp) {
        return !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !Character.isISOControl(cp)
                && Character.getType(cp) != Character.UNASSIGNED && Character.getType(cp) != Character.SURROGATE;
    }

    static String describeBadChar(int cp) {
        return String.format("bad character U+%04X", cp);
    }
}
