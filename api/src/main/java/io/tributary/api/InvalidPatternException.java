package io.tributary.api;

/**
 * A topic or pattern that does not follow the grammar. The message quotes the input and points a
 * caret at the offending position, e.g.
 * <pre>
 * invalid topic pattern: empty segment at position 5
 *   data..BINANCE
 *        ^
 * </pre>
 */
public final class InvalidPatternException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final int position;
    private final String reason;

    public InvalidPatternException(String what, String input, int position, String reason) {
        super(what + ": " + reason + " at position " + position + System.lineSeparator()
                + "  " + input + System.lineSeparator()
                + "  " + " ".repeat(Math.max(0, position)) + "^");
        this.input = input;
        this.position = position;
        this.reason = reason;
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
