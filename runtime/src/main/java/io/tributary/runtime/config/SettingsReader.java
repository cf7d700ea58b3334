package io.tributary.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads typed settings and collects a {@link ConfigProblem} for each one that is missing, of the
 * wrong type or out of range, instead of failing on the first. Returned values for invalid settings
 * are placeholders; callers check {@link #problems()} before using them.
 */
final class SettingsReader {
    private final Config config;
    private final List<ConfigProblem> problems = new ArrayList<>();

    SettingsReader(Config config) {
        this.config = config;
    }

    List<ConfigProblem> problems() {
        return problems;
    }

    /** For blocks of free keys (Kafka client properties) that the typed readers cannot express. */
    Config config() {
        return config;
    }

    void problem(String path, String message) {
        problems.add(new ConfigProblem(path, message));
    }

    int intIn(String path, int min, int max) {
        return (int) longIn(path, min, max, "an integer");
    }

    /** An integer in range that is also a power of two (rings and hash tables need one). */
    int powerOfTwoIn(String path, int min, int max) {
        int value = intIn(path, min, max);
        if (Integer.bitCount(value) != 1) {
            ConfigValue v = config.getValue(path);
            problem(path, "expected a power of two in [" + min + ", " + max + "], was " + value + origin(v));
            return min;
        }
        return value;
    }

    long longIn(String path, long min, long max) {
        return longIn(path, min, max, "an integer");
    }

    private long longIn(String path, long min, long max, String what) {
        String expected = what + " in [" + min + ", " + max + "]";
        ConfigValue value = value(path, expected);
        if (value == null) {
            return min;
        }
        Object raw = value.unwrapped();
        long number;
        if (raw instanceof Number n && (raw instanceof Integer || raw instanceof Long)) {
            number = n.longValue();
        } else if (raw instanceof String s && s.trim().matches("-?\\d+")) {
            number = Long.parseLong(s.trim());
        } else {
            problem(path, "expected " + expected + ", was " + show(value) + origin(value));
            return min;
        }
        if (number < min || number > max) {
            problem(path, "expected " + expected + ", was " + number + origin(value));
            return min;
        }
        return number;
    }

    Duration durationIn(String path, Duration min, Duration max) {
        String expected = "a duration in [" + format(min) + ", " + format(max) + "] such as 500ms or 10s";
        ConfigValue value = value(path, expected);
        if (value == null) {
            return min;
        }
        Duration d;
        try {
            d = config.getDuration(path);
        } catch (ConfigException e) {
            problem(path, "expected " + expected + ", was " + show(value) + origin(value));
            return min;
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            problem(path, "expected " + expected + ", was " + format(d) + origin(value));
            return min;
        }
        return d;
    }

    <E extends Enum<E>> E enumOf(String path, Class<E> type, E fallback) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT));
        }
        String expected = "one of " + String.join(", ", names);
        ConfigValue value = value(path, expected);
        if (value == null) {
            return fallback;
        }
        if (value.valueType() == ConfigValueType.STRING) {
            String text = ((String) value.unwrapped()).trim();
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text.replace('-', '_'))) {
                    return constant;
                }
            }
        }
        problem(path, "expected " + expected + ", was " + show(value) + origin(value));
        return fallback;
    }

    boolean bool(String path) {
        ConfigValue value = value(path, "true or false");
        if (value == null) {
            return false;
        }
        try {
            return config.getBoolean(path);
        } catch (ConfigException e) {
            problem(path, "expected true or false, was " + show(value) + origin(value));
            return false;
        }
    }

    String nonEmptyString(String path) {
        ConfigValue value = value(path, "a non-empty string");
        if (value == null) {
            return "";
        }
        if (value.valueType() != ConfigValueType.STRING && value.valueType() != ConfigValueType.NUMBER
                || value.unwrapped().toString().isBlank()) {
            problem(path, "expected a non-empty string, was " + show(value) + origin(value));
            return "";
        }
        return value.unwrapped().toString();
    }

    /** A string that may be absent or null (e.g. a password): null then; a non-string is a problem. */
    String optionalString(String path) {
        if (!config.hasPath(path)) {
            return null;
        }
        ConfigValue value = config.getValue(path);
        if (value.valueType() != ConfigValueType.STRING && value.valueType() != ConfigValueType.NUMBER) {
            problem(path, "expected a string, was " + show(value) + origin(value));
            return null;
        }
        String text = value.unwrapped().toString();
        return text.isEmpty() ? null : text;
    }

    List<String> nonEmptyStringList(String path) {
        ConfigValue value = value(path, "a non-empty list of strings");
        if (value == null) {
            return List.of();
        }
        try {
            List<String> list = config.getStringList(path);
            if (list.isEmpty() || list.stream().anyMatch(String::isBlank)) {
                problem(path, "expected a non-empty list of non-blank strings, was " + show(value) + origin(value));
                return List.of();
            }
            return list;
        } catch (ConfigException e) {
            problem(path, "expected a non-empty list of strings, was " + show(value) + origin(value));
            return List.of();
        }
    }

    private ConfigValue value(String path, String expected) {
        try {
            if (!config.hasPathOrNull(path)) {
                problem(path, "missing (expected " + expected + ")");
                return null;
            }
            if (config.getIsNull(path)) {
                problem(path, "expected " + expected + ", was null");
                return null;
            }
            return config.getValue(path);
        } catch (ConfigException e) {
            // a parent of the path is not an object, e.g. executor = 3
            problem(path, "expected " + expected + ": " + e.getMessage());
            return null;
        }
    }

    private static String show(ConfigValue value) {
        return value.render(com.typesafe.config.ConfigRenderOptions.concise());
    }

    static String origin(ConfigValue value) {
        String description = value.origin().description();
        return description == null || description.isEmpty() ? "" : " (" + description + ")";
    }

    static String format(Duration d) {
        return io.tributary.api.dsl.internal.Durations.format(d);
    }
}
