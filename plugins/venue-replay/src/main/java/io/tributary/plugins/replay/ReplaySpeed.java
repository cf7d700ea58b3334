package io.tributary.plugins.replay;

import java.util.Locale;

/**
 * How fast to replay: {@code recorded} (the recorded gaps between rows), a factor such as {@code 10}
 * or {@code 10x} (ten times faster; {@code 0.5x} half as fast), or {@code max} (no waiting).
 *
 * @param factor recorded time per wall time; 0 for {@code max}
 */
record ReplaySpeed(double factor) {

    static ReplaySpeed parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("max") || t.equals("full")) {
            return new ReplaySpeed(0);
        }
        if (t.equals("recorded") || t.equals("real")) {
            return new ReplaySpeed(1);
        }
        if (t.endsWith("x")) {
            t = t.substring(0, t.length() - 1);
        }
        double factor;
        try {
            factor = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected 'recorded', 'max' or a factor such as '10x', got '" + text + "'");
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be > 0, got '" + text + "' (use 'max' for no waiting)");
        }
        return new ReplaySpeed(factor);
    }

    boolean unpaced() {
        return factor == 0;
    }
}
