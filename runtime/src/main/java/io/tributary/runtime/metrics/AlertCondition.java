package io.tributary.runtime.metrics;

import java.util.Arrays;
import java.util.stream.Collectors;

/** When an {@link AlertRule} holds. */
public enum AlertCondition {
    /** value &gt; threshold */
    GT(">"),
    /** value &gt;= threshold */
    GE(">="),
    /** value &lt; threshold */
    LT("<"),
    /** value &lt;= threshold */
    LE("<="),
    /**
     * The value has not changed for the rule's {@code for} duration: a meter whose count stands still
     * is a silent venue. No threshold.
     */
    UNCHANGED("unchanged");

    private final String symbol;

    AlertCondition(String symbol) {
        this.symbol = symbol;
    }

    /** As written in configuration: {@code >}, {@code >=}, {@code <}, {@code <=}, {@code unchanged}. */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code value} compared with {@code threshold} satisfies a comparison; false for {@link #UNCHANGED}. */
    boolean compare(double value, double threshold) {
        return switch (this) {
            case GT -> value > threshold;
            case GE -> value >= threshold;
            case LT -> value < threshold;
            case LE -> value <= threshold;
            case UNCHANGED -> false;
        };
    }

    /**
     * Parses the configuration form.
     *
     * @throws IllegalArgumentException listing the accepted forms
     */
    public static AlertCondition parse(String text) {
        for (AlertCondition c : values()) {
            if (c.symbol.equalsIgnoreCase(text == null ? "" : text.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("expected one of " + accepted() + ", was '" + text + "'");
    }

    static String accepted() {
        return Arrays.stream(values()).map(AlertCondition::symbol).collect(Collectors.joining(", "));
    }
}
