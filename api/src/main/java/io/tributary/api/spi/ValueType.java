package io.tributary.api.spi;

import io.tributary.api.market.Decimal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** Lenient conversion of raw config values; failures say why without naming the key. */
abstract class ValueType<T> {

    private final String name;

    private ValueType(String name) {
        this.name = name;
    }

    final String name() {
        return name;
    }

    abstract T convert(Object raw);

    static final ValueType<String> STRING = new ValueType<>("string") {
        @Override
        String convert(Object raw) {
            if (raw instanceof CharSequence || raw instanceof Number || raw instanceof Boolean || raw instanceof Enum) {
                return raw.toString();
            }
            throw expected("a string", raw);
        }
    };

    static final ValueType<Integer> INT = new ValueType<>("int") {
        @Override
        Integer convert(Object raw) {
            long value = LONG.convert(raw);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw expected("an int", raw);
            }
            return (int) value;
        }
    };

    static final ValueType<Long> LONG = new ValueType<>("long") {
        @Override
        Long convert(Object raw) {
            try {
                if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
                    return ((Number) raw).longValue();
                }
                if (raw instanceof Number number) {
                    return new BigDecimal(number.toString()).longValueExact();
                }
                if (raw instanceof CharSequence text) {
                    return new BigDecimal(text.toString().trim().replace("_", "")).longValueExact();
                }
            } catch (ArithmeticException | NumberFormatException e) {
                throw expected("a whole number", raw);
            }
            throw expected("a whole number", raw);
        }
    };

    static final ValueType<Double> DOUBLE = new ValueType<>("double") {
        @Override
        Double convert(Object raw) {
            if (raw instanceof Number number) {
                return number.doubleValue();
            }
            if (raw instanceof CharSequence text) {
                try {
                    return Double.parseDouble(text.toString().trim().replace("_", ""));
                } catch (NumberFormatException e) {
                    throw expected("a number", raw);
                }
            }
            throw expected("a number", raw);
        }
    };

    static final ValueType<Boolean> BOOLEAN = new ValueType<>("boolean") {
        @Override
        Boolean convert(Object raw) {
            if (raw instanceof Boolean b) {
                return b;
            }
            if (raw instanceof CharSequence text) {
                switch (text.toString().trim().toLowerCase(Locale.ROOT)) {
                    case "true": case "yes": case "on":
                        return true;
                    case "false": case "no": case "off":
                        return false;
                    default:
                        break;
                }
            }
            throw expected("true or false", raw);
        }
    };

    static final ValueType<Duration> DURATION = new ValueType<>("duration") {
        @Override
        Duration convert(Object raw) {
            if (raw instanceof Duration d) {
                return d;
            }
            if (raw instanceof Number) {
                throw expected("a duration with a unit, e.g. '250ms' or '5s'", raw);
            }
            if (raw instanceof CharSequence text) {
                return parseDuration(text.toString().trim(), raw);
            }
            throw expected("a duration such as '5s'", raw);
        }
    };

    static final ValueType<Decimal> DECIMAL = new ValueType<>("decimal") {
        @Override
        Decimal convert(Object raw) {
            try {
                if (raw instanceof Decimal d) {
                    return d;
                }
                if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
                    return new Decimal(((Number) raw).longValue(), 0);
                }
                if (raw instanceof BigDecimal big) {
                    return Decimal.parse(big.toPlainString());
                }
                if (raw instanceof BigInteger || raw instanceof Double || raw instanceof Float) {
                    return Decimal.parse(new BigDecimal(raw.toString()).toPlainString());
                }
                if (raw instanceof CharSequence text) {
                    return Decimal.parse(text.toString().trim());
                }
            } catch (IllegalArgumentException e) {
                throw expected("an exact decimal such as '65123.45'", raw);
            }
            throw expected("an exact decimal such as '65123.45'", raw);
        }
    };

    static final ValueType<List<String>> STRING_LIST = new ValueType<>("list<string>") {
        @Override
        List<String> convert(Object raw) {
            List<String> out = new ArrayList<>();
            if (raw instanceof CharSequence text) {
                for (String part : text.toString().split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
                return List.copyOf(out);
            }
            Collection<?> items;
            if (raw instanceof Collection<?> c) {
                items = c;
            } else if (raw instanceof Object[] array) {
                items = List.of(array);
            } else {
                throw expected("a list of strings", raw);
            }
            int index = 0;
            for (Object item : items) {
                try {
                    out.add(STRING.convert(item));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("item " + index + ": " + e.getMessage(), e);
                }
                index++;
            }
            return List.copyOf(out);
        }
    };

    static <E extends Enum<E>> ValueType<E> enumType(Class<E> type) {
        StringJoiner names = new StringJoiner("|", "enum(", ")");
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        String typeName = names.toString();
        return new ValueType<>(typeName) {
            @Override
            E convert(Object raw) {
                if (type.isInstance(raw)) {
                    return type.cast(raw);
                }
                if (raw instanceof CharSequence text) {
                    String wanted = text.toString().trim().replace('-', '_');
                    for (E constant : type.getEnumConstants()) {
                        if (constant.name().equalsIgnoreCase(wanted)) {
                            return constant;
                        }
                    }
                }
                throw expected("one of " + typeName.substring(5, typeName.length() - 1).replace("|", ", "), raw);
            }
        };
    }

    static Duration parseDuration(String text, Object raw) {
        if (text.startsWith("P") || text.startsWith("p") || text.startsWith("-P")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw expected("a duration such as '5s' or 'PT5S'", raw);
            }
        }
        int unitStart = 0;
        while (unitStart < text.length() && (Character.isDigit(text.charAt(unitStart)) || text.charAt(unitStart) == '_')) {
            unitStart++;
        }
        if (unitStart == 0) {
            throw expected("a duration such as '5s' (a whole number and a unit)", raw);
        }
        long amount;
        try {
            amount = Long.parseLong(text.substring(0, unitStart).replace("_", ""));
        } catch (NumberFormatException e) {
            throw expected("a duration such as '5s'", raw);
        }
        String unit = text.substring(unitStart).trim().toLowerCase(Locale.ROOT);
        switch (unit) {
            case "ns": case "nanos":
                return Duration.ofNanos(amount);
            case "us": case "µs": case "micros":
                return Duration.ofNanos(Math.multiplyExact(amount, 1000L));
            case "ms": case "millis":
                return Duration.ofMillis(amount);
            case "s": case "sec": case "seconds":
                return Duration.ofSeconds(amount);
            case "m": case "min": case "minutes":
                return Duration.ofMinutes(amount);
            case "h": case "hours":
                return Duration.ofHours(amount);
            case "d": case "days":
                return Duration.ofDays(amount);
            case "":
                throw expected("a duration with a unit, e.g. '250ms' or '5s'", raw);
            default:
                throw expected("a duration unit of ns, us, ms, s, m, h or d", raw);
        }
    }

    /** A value as a user would write it: {@code 2ms}, {@code 0.0001}, {@code A,B}. */
    static String display(Object value) {
        if (value instanceof Duration d) {
            return displayDuration(d);
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof String text && (text.isEmpty() || !text.strip().equals(text))) {
            return "'" + text + "'";
        }
        if (value instanceof Collection<?> c) {
            if (c.isEmpty()) {
                return "[]";
            }
            StringJoiner joined = new StringJoiner(",");
            c.forEach(item -> joined.add(String.valueOf(item)));
            return joined.toString();
        }
        return String.valueOf(value);
    }

    private static String displayDuration(Duration d) {
        long nanos;
        try {
            nanos = d.toNanos();
        } catch (ArithmeticException tooLong) {
            return d.toString();
        }
        String[] units = {"d", "h", "m", "s", "ms", "us", "ns"};
        long[] sizes = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
        for (int i = 0; i < units.length; i++) {
            if (nanos % sizes[i] == 0) {
                return nanos / sizes[i] + units[i];
            }
        }
        return nanos + "ns";
    }

    static IllegalArgumentException expected(String what, Object raw) {
        return new IllegalArgumentException("expected " + what + ", got " + show(raw));
    }

    /** A value with its type, e.g. {@code 'abc' (String)}, for error messages. */
    static String show(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
        if (text.length() > 80) {
            text = text.substring(0, 77) + "...";
        }
        return text + " (" + value.getClass().getSimpleName() + ")";
    }
}
