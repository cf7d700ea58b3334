package io.tributary.api.market;

import java.math.BigDecimal;

/**
 * An exact decimal number as {@code mantissa × 10^-scale}, the same representation as the Avro
 * {@code Price} and {@code Quantity} records: 65 123.45 is {@code (6512345, 2)}. Money is never a
 * binary floating-point number.
 *
 * <p>Equality is representational ({@code 1.0 != 1.00}); use {@link #compareTo} to compare values.
 *
 * @param mantissa unscaled value
 * @param scale    number of decimal places, 0..18
 */
public record Decimal(long mantissa, int scale) implements Comparable<Decimal> {

    /** Largest scale: 10^18 still fits in a long. */
    public static final int MAX_SCALE = 18;

    private static final long[] POWERS = new long[MAX_SCALE + 1];

    static {
        POWERS[0] = 1;
        for (int i = 1; i <= MAX_SCALE; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    public Decimal {
        checkScale(scale);
    }

    public static Decimal of(long mantissa, int scale) {
        return new Decimal(mantissa, scale);
    }

    /**
     * Parses a plain decimal such as {@code 65123.45}, {@code -0.5} or {@code 42}: an optional sign,
     * digits and at most one point. The scale is the number of digits after the point.
     *
     * @throws NumberFormatException quoting the text and saying what is wrong
     */
    public static Decimal parse(CharSequence text) {
        long mantissa = parseMantissa(text);
        return new Decimal(mantissa, parsedScale(text));
    }

    /**
     * The mantissa of {@code text} parsed as in {@link #parse}, without allocating: for parsers of
     * large files that store mantissa and scale in separate fields. Pair with {@link #parsedScale}.
     */
    public static long parseMantissa(CharSequence text) {
        int n = text.length();
        if (n == 0) {
            throw bad(text, "empty");
        }
        int i = 0;
        boolean negative = false;
        char first = text.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i = 1;
        }
        long value = 0;
        int digits = 0;
        boolean point = false;
        int scale = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (point) {
                    throw bad(text, "two decimal points");
                }
                point = true;
            } else if (c >= '0' && c <= '9') {
                try {
                    value = Math.addExact(Math.multiplyExact(value, 10L), c - '0');
                } catch (ArithmeticException overflow) {
                    throw bad(text, "more digits than a long holds");
                }
                digits++;
                if (point) {
                    scale++;
                }
            } else {
                throw bad(text, "unexpected character '" + c + "' at position " + i);
            }
        }
        if (digits == 0) {
            throw bad(text, "no digits");
        }
        if (scale > MAX_SCALE) {
            throw bad(text, "more than " + MAX_SCALE + " decimal places");
        }
        return negative ? -value : value;
    }

    /** The scale of {@code text} (digits after the point); call after {@link #parseMantissa} accepted it. */
    public static int parsedScale(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '.') {
                return text.length() - i - 1;
            }
        }
        return 0;
    }

    /** 10^scale. */
    public static long pow10(int scale) {
        checkScale(scale);
        return POWERS[scale];
    }

    /**
     * {@code mantissa} at scale {@code from} expressed at scale {@code to}.
     *
     * @throws ArithmeticException when scaling up overflows or scaling down would lose digits
     */
    public static long rescale(long mantissa, int from, int to) {
        if (from == to) {
            return mantissa;
        }
        if (to > from) {
            return Math.multiplyExact(mantissa, pow10(to - from));
        }
        long divisor = pow10(from - to);
        if (mantissa % divisor != 0) {
            throw new ArithmeticException(new Decimal(mantissa, from) + " has more than " + to + " decimal places");
        }
        return mantissa / divisor;
    }

    /** Compares two mantissa/scale pairs by value without allocating (unless a long would overflow). */
    public static int compare(long mantissaA, int scaleA, long mantissaB, int scaleB) {
        if (scaleA == scaleB) {
            return Long.compare(mantissaA, mantissaB);
        }
        try {
            int scale = Math.max(scaleA, scaleB);
            return Long.compare(rescale(mantissaA, scaleA, scale), rescale(mantissaB, scaleB, scale));
        } catch (ArithmeticException overflow) {
            return BigDecimal.valueOf(mantissaA, scaleA).compareTo(BigDecimal.valueOf(mantissaB, scaleB));
        }
    }

    public boolean isPositive() {
        return mantissa > 0;
    }

    /** This value at {@code newScale}; see {@link #rescale(long, int, int)}. */
    public Decimal withScale(int newScale) {
        return new Decimal(rescale(mantissa, scale, newScale), newScale);
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(mantissa, scale);
    }

    /** Measurement only (e.g. a chart); never for arithmetic on money. */
    public double toDouble() {
        return (double) mantissa / POWERS[scale];
    }

    @Override
    public int compareTo(Decimal other) {
        return compare(mantissa, scale, other.mantissa, other.scale);
    }

    /** Plain notation, e.g. {@code 65123.45}. */
    @Override
    public String toString() {
        return toBigDecimal().toPlainString();
    }

    private static void checkScale(int scale) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale " + scale + " is outside 0.." + MAX_SCALE);
        }
    }

    private static NumberFormatException bad(CharSequence text, String why) {
        return new NumberFormatException("'" + text + "' is not a decimal number: " + why);
    }
}
