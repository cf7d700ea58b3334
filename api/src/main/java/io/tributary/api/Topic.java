package io.tributary.api;

/**
 * Topic names: dot-separated, non-empty segments such as {@code data.quotes.BINANCE.BTCUSDT}.
 *
 * <p>A segment may hold any Unicode character (non-ASCII and emoji included) except:
 * <ul>
 *   <li>the separator {@code .} and the wildcards {@code *} and {@code ?};</li>
 *   <li>whitespace and control characters;</li>
 *   <li>invisible format characters (category Cf, such as U+200B zero-width space or U+202E
 *       right-to-left override), which would make two different topics print the same; the
 *       zero-width joiner U+200D is allowed because emoji sequences need it;</li>
 *   <li>unpaired surrogates (a broken UTF-16 string).</li>
 * </ul>
 * Code points unassigned in this JVM's Unicode version are accepted, so a topic valid on one Java
 * version stays valid on the next.
 */
public final class Topic {

    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private Topic() {
    }

    /**
     * @return {@code topic}, unchanged
     * @throws InvalidPatternException  naming the first offending position
     * @throws IllegalArgumentException if {@code topic} is null
     */
    public static String validate(String topic) {
        if (topic == null) {
            throw new IllegalArgumentException("topic must not be null");
        }
        int error = firstError(topic);
        if (error >= 0) {
            throw new InvalidPatternException("invalid topic", topic, error, reasonAt(topic, error));
        }
        return topic;
    }

    /** True for a valid topic, without building an exception; false for null. */
    public static boolean isValid(String topic) {
        return topic != null && firstError(topic) < 0;
    }

    /** Index of the first offending char, or -1 when the topic is valid. */
    private static int firstError(String topic) {
        if (topic.isEmpty()) {
            return 0;
        }
        int segmentStart = 0;
        for (int i = 0; i < topic.length(); ) {
            int cp = topic.codePointAt(i);
            if (cp == '.') {
                if (i == segmentStart) {
                    return i;
                }
                segmentStart = i + 1;
            } else if (cp == '*' || cp == '?' || badCharReason(cp) != null) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return segmentStart == topic.length() ? topic.length() : -1;
    }

    private static String reasonAt(String topic, int position) {
        if (topic.isEmpty()) {
            return "empty topic";
        }
        if (position == topic.length() || topic.charAt(position) == '.') {
            return "empty segment";
        }
        int cp = topic.codePointAt(position);
        if (cp == '*' || cp == '?') {
            return "wildcard '" + (char) cp + "' is not allowed in a topic (only in patterns)";
        }
        return badCharReason(cp);
    }

    /**
     * Why {@code cp} may not appear in a segment, or null if it may. Shared with
     * {@link TopicPattern} so topics and patterns accept exactly the same characters.
     */
    static String badCharReason(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return "whitespace " + codePoint(cp);
        }
        if (Character.isISOControl(cp)) {
            return "control character " + codePoint(cp);
        }
        int type = Character.getType(cp);
        if (type == Character.SURROGATE) {
            return "unpaired surrogate " + codePoint(cp);
        }
        if (type == Character.FORMAT && cp != ZERO_WIDTH_JOINER) {
            return "invisible format character " + codePoint(cp);
        }
        return null;
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }
}
