package io.tributary.api.spi;

import io.tributary.api.market.Decimal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One setting a component accepts: its name, type, default, description and checks. Keys are
 * immutable; each builder method returns a copy, so they are declared as constants:
 *
 * <pre>{@code
 * static final ConfigKey<Integer> DEPTH = ConfigKey.ofInt("depth")
 *         .defaultValue(10).check(d -> d > 0, "must be > 0").description("book levels to keep");
 * }</pre>
 *
 * Raw values are converted leniently, because they come from Java maps, HOCON files and the
 * command line alike: {@code "10"} is a fine int, {@code "a, b"} a fine list, {@code "250ms"} a
 * fine duration. What cannot be converted is reported with the key's name (see {@link ConfigSpec}).
 *
 * @param <T> the value type
 */
public final class ConfigKey<T> {

    private final String name;
    private final ValueType<T> type;
    private final T defaultValue;
    private final boolean required;
    private final String description;
    private final List<Check<T>> checks;

    private ConfigKey(String name, ValueType<T> type, T defaultValue, boolean required, String description,
                      List<Check<T>> checks) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.required = required;
        this.description = description;
        this.checks = checks;
    }

    private static <T> ConfigKey<T> of(String name, ValueType<T> type) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("config key name must not be blank");
        }
        return new ConfigKey<>(name, type, null, false, "", List.of());
    }

    public static ConfigKey<String> ofString(String name) {
        return of(name, ValueType.STRING);
    }

    public static ConfigKey<Integer> ofInt(String name) {
        return of(name, ValueType.INT);
    }

    public static ConfigKey<Long> ofLong(String name) {
        return of(name, ValueType.LONG);
    }

    public static ConfigKey<Double> ofDouble(String name) {
        return of(name, ValueType.DOUBLE);
    }

    public static ConfigKey<Boolean> ofBoolean(String name) {
        return of(name, ValueType.BOOLEAN);
    }

    /** {@code 5s}, {@code 250ms}, {@code 10us}, {@code 2m}, {@code 1h}, ISO {@code PT5S} or a {@link Duration}. */
    public static ConfigKey<Duration> ofDuration(String name) {
        return of(name, ValueType.DURATION);
    }

    /** An exact decimal such as a price: {@code "65123.45"}, a {@link Decimal} or an integer. */
    public static ConfigKey<Decimal> ofDecimal(String name) {
        return of(name, ValueType.DECIMAL);
    }

    /** A list of strings: a {@link java.util.Collection}, an array or a comma-separated string. */
    public static ConfigKey<List<String>> ofStringList(String name) {
        return of(name, ValueType.STRING_LIST);
    }

    /** One of an enum's constants, case-insensitive, {@code -} read as {@code _}. */
    public static <E extends Enum<E>> ConfigKey<E> ofEnum(String name, Class<E> type) {
        return of(name, ValueType.enumType(type));
    }

    /** Used when the key is absent. A key without a default and not {@link #required()} reads as null. */
    public ConfigKey<T> defaultValue(T value) {
        return new ConfigKey<>(name, type, Objects.requireNonNull(value, "default value"), required, description, checks);
    }

    /** The key must be given. */
    public ConfigKey<T> required() {
        return new ConfigKey<>(name, type, defaultValue, true, description, checks);
    }

    /** One line for {@code tributary plugins} and the docs. */
    public ConfigKey<T> description(String text) {
        return new ConfigKey<>(name, type, defaultValue, required, Objects.requireNonNull(text, "description"), checks);
    }

    /**
     * Adds a check on converted values; {@code requirement} is the error text, e.g. {@code "must be > 0"}.
     */
    public ConfigKey<T> check(Predicate<? super T> test, String requirement) {
        List<Check<T>> more = new ArrayList<>(checks);
        more.add(new Check<>(Objects.requireNonNull(test, "test"), Objects.requireNonNull(requirement, "requirement")));
        return new ConfigKey<>(name, type, defaultValue, required, description, List.copyOf(more));
    }

    public String name() {
        return name;
    }

    /** Human-readable type, e.g. {@code int}, {@code duration}, {@code list<string>}, {@code enum(A|B)}. */
    public String typeName() {
        return type.name();
    }

    /** The default, or null. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The default as a user would write it ({@code 2ms}, {@code 0.0001}, {@code A,B}), or null. */
    public String defaultText() {
        return defaultValue == null ? null : ValueType.display(defaultValue);
    }

    public boolean isRequired() {
        return required;
    }

    public String description() {
        return description;
    }

    /**
     * Converts and checks a raw value.
     *
     * @throws IllegalArgumentException with the reason only (no key name: {@link ConfigSpec} adds it)
     */
    T convert(Object raw) {
        T value = type.convert(raw);
        for (Check<T> check : checks) {
            if (!check.test().test(value)) {
                throw new IllegalArgumentException(check.requirement() + ", got " + ValueType.show(value));
            }
        }
        return value;
    }

    /** {@code name (type, default 10): description}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(" (").append(typeName());
        if (required) {
            sb.append(", required");
        } else if (defaultValue != null) {
            sb.append(", default ").append(defaultText());
        }
        sb.append(')');
        if (!description.isEmpty()) {
            sb.append(": ").append(description);
        }
        return sb.toString();
    }

    private record Check<T>(Predicate<? super T> test, String requirement) {
    }
}
