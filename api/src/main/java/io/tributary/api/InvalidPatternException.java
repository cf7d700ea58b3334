package io.tributary.api;

import java.util.Objects;

/**
 * A topic or pattern that does not follow the grammar. The message quotes the input and points a
 * caret at the offending position, e.g.
 * <pre>
 * invalid topic pattern: empty segment at position 5
 *   data..BINANCE
 *        ^
 * </pre>
 * In the quoted line, control and non-space whitespace characters (tab, newline…) are shown as
 * U+FFFD so the message keeps its shape and the caret stays under the culprit.
 */
public final class InvalidPatternException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private static final char SHOWN_FOR_INVISIBLE = '\uFFFD';

    private final String input;
    private final int position;
    private final String reason;

    /**
     * @param what     what was being parsed, e.g. "invalid topic pattern"
     * @param input    the rejected text
     * @param position zero-based char index of the culprit, clamped to {@code [0, input.length()]}
     * @param reason   the cause without the position, e.g. "empty segment"
     */
    public InvalidPatternException(String what, String input, int position, String reason) {
        super(message(what, input, clamp(input, position), reason));
        this.input = input;
        this.position = clamp(input, position);
        this.reason = reason;
    }

    private static int clamp(String input, int position) {
        return Math.max(0, Math.min(position, Objects.requireNonNull(input, "input").length()));
    }

    private static String message(String what, String input, int position, String reason) {
        return what + ": " + reason + " at position " + position + System.lineSeparator()
                + "  " + printable(input) + System.lineSeparator()
                + "  " + " ".repeat(position) + "^";
    }

    private static String printable(String input) {
        StringBuilder shown = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            shown.append(Character.isISOControl(c) || (Character.isWhitespace(c) && c != ' ') ? SHOWN_FOR_INVISIBLE : c);
        }
        return shown.toString();
    }

    /** The rejected topic or pattern. */
    public String input() {
        return input;
    }

    /** Zero-based char index of the offending character (== length for "ends too early"). */
    public int position() {
        return position;
    }

    /** The cause without the position, e.g. "empty segment". */
    public String reason() {
        return reason;
    }
}
