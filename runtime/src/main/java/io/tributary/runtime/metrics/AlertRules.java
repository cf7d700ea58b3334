package io.tributary.runtime.metrics;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.tributary.schemas.AlertSeverity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads alert rules from a Typesafe Config (HOCON) object and merges rule sets. The shape, one
 * object per rule keyed by its name (objects merge across config layers, so a later file can change
 * one field of a default rule):
 * <pre>
 * rules {
 *   drops-high { metric = "tributary.lane.high.dropped", stat = rate, condition = ">", threshold = 0,
 *                severity = critical }
 *   lane-wait-normal { metric = "tributary.lane.normal.wait.current", condition = ">", threshold = 20ms,
 *                      for = 5s }
 *   venue-silent { metric = "tributary.arb-desk.venues.in", condition = unchanged, for = 30s }
 *   handler-errors.enabled = false
 * }
 * </pre>
 * Keys: {@code metric} (topic pattern over metric names), {@code condition} ({@code > >= < <=
 * unchanged}), {@code threshold} (a number, or a duration such as {@code 20ms} read as
 * nanoseconds; not for {@code unchanged}), {@code for} (duration, default 0s), {@code severity}
 * ({@code info|warning|critical}, default warning), {@code stat} ({@code value|count|rate|m1_rate|
 * p50|p99|p999|max|mean}, default value), {@code description}, {@code enabled} (default true).
 * Errors are {@link ConfigException.BadValue}s naming the key path and the file and line.
 */
public final class AlertRules {
    private static final Set<String> KEYS = Set.of("metric", "condition", "threshold", "for", "severity", "stat",
            "description", "enabled");

    private AlertRules() {
    }

    /** {@link #fromConfig(Config, String)} with paths relative to {@code rules}. */
    public static List<AlertRule> fromConfig(Config rules) {
        return fromConfig(rules, "");
    }

    /**
     * Parses every rule of the {@code rules} object, in key order.
     *
     * @param path where {@code rules} sits in the whole configuration (such as
     *             {@code tributary.metrics.alerts.rules}), used in error messages
     * @throws ConfigException.BadValue naming the key path of the first bad value
     */
    public static List<AlertRule> fromConfig(Config rules, String path) {
        String prefix = path == null || path.isEmpty() ? "" : path + ".";
        List<AlertRule> parsed = new ArrayList<>();
        ConfigObject root = rules.root();
        for (String name : new TreeSet<>(root.keySet())) {
            ConfigValue value = root.get(name);
            String rulePath = prefix + quoted(name);
            if (value.valueType() != ConfigValueType.OBJECT) {
                throw bad(value.origin(), rulePath, "an alert rule must be an object with metric, condition, threshold…; was "
                        + value.valueType().name().toLowerCase(Locale.ROOT));
            }
            parsed.add(rule(name, (ConfigObject) value, rulePath));
        }
        return parsed;
    }

    private static AlertRule rule(String name, ConfigObject object, String path) {
        for (String key : object.keySet()) {
            if (!KEYS.contains(key)) {
                throw bad(object.get(key).origin(), path + "." + quoted(key),
                        "unknown key; an alert rule takes " + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
        Config c = object.toConfig();
        AlertRule.Builder b;
        try {
            b = AlertRule.builder(name);
        } catch (IllegalArgumentException e) {
            throw bad(object.origin(), path, e.getMessage());
        }
        boolean enabled = !c.hasPath("enabled") || read(c, object, path, "enabled", () -> c.getBoolean("enabled"));
        b.enabled(enabled);
        if (!enabled && !c.hasPath("metric")) {
            return b.build();
        }
        String metric = require(c, object, path, "metric", () -> c.getString("metric"));
        read(c, object, path, "metric", () -> b.metric(metric));
        if (c.hasPath("stat")) {
            String stat = read(c, object, path, "stat", () -> c.getString("stat"));
            read(c, object, path, "stat", () -> b.stat(AlertStat.parse(stat)));
        }
        if (c.hasPath("severity")) {
            String severity = read(c, object, path, "severity", () -> c.getString("severity"));
            read(c, object, path, "severity", () -> b.severity(severity(severity)));
        }
        if (c.hasPath("description")) {
            b.description(read(c, object, path, "description", () -> c.getString("description")));
        }
        Duration forDuration = c.hasPath("for") ? read(c, object, path, "for", () -> c.getDuration("for")) : Duration.ZERO;
        read(c, object, path, "for", () -> b.forDuration(forDuration));
        String conditionText = require(c, object, path, "condition", () -> c.getString("condition"));
        AlertCondition condition = read(c, object, path, "condition", () -> AlertCondition.parse(conditionText));
        if (condition == AlertCondition.UNCHANGED) {
            if (c.hasPath("threshold")) {
                throw bad(c.getValue("threshold").origin(), path + ".threshold",
                        "'unchanged' takes no threshold; its for duration is how long the value must stand still");
            }
            if (forDuration.isZero()) {
                throw bad(object.origin(), path + ".for", "'unchanged' needs a for duration > 0 (such as 30s)");
            }
            b.unchangedFor(forDuration);
        } else {
            require(c, object, path, "threshold", () -> c.getValue("threshold"));
            double threshold = threshold(c.getValue("threshold"), c, path + ".threshold");
            read(c, object, path, "threshold", () -> b.when(condition, threshold));
        }
        return read(c, object, path, "", b::build);
    }

    private static double threshold(ConfigValue value, Config c, String path) {
        if (value.valueType() == ConfigValueType.NUMBER) {
            return ((Number) value.unwrapped()).doubleValue();
        }
        if (value.valueType() == ConfigValueType.STRING) {
            try {
                return c.getDuration("threshold").toNanos();
            } catch (ConfigException e) {
                throw bad(value.origin(), path, "expected a number or a duration (read as nanoseconds) such as 20ms, was '"
                        + value.unwrapped() + "'");
            }
        }
        throw bad(value.origin(), path, "expected a number or a duration, was " + value.valueType().name().toLowerCase(Locale.ROOT));
    }

    private static AlertSeverity severity(String text) {
        for (AlertSeverity s : AlertSeverity.values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("expected one of info, warning, critical, was '" + text + "'");
    }

    /**
     * Merges rule sets by name: a later rule replaces an earlier one of the same name, and a disabled
     * later rule removes it. Order: first appearance of each name.
     */
    @SafeVarargs
    public static List<AlertRule> merge(Collection<AlertRule>... sets) {
        Map<String, AlertRule> byName = new LinkedHashMap<>();
        for (Collection<AlertRule> set : sets) {
            for (AlertRule rule : set) {
                if (!rule.enabled()) {
                    byName.remove(rule.name());
                } else if (byName.containsKey(rule.name())) {
                    byName.replace(rule.name(), rule);
                } else {
                    byName.put(rule.name(), rule);
                }
            }
        }
        return List.copyOf(byName.values());
    }

    // ---- error plumbing -------------------------------------------------------------------------

    private interface Read<T> {
        T get();
    }

    private static <T> T require(Config c, ConfigObject object, String path, String key, Read<T> read) {
        if (!c.hasPath(key)) {
            throw bad(object.origin(), path + "." + key, "missing; an alert rule needs metric and condition"
                    + ("threshold".equals(key) ? ", and a threshold unless the condition is 'unchanged'" : ""));
        }
        return read(c, object, path, key, read);
    }

    private static <T> T read(Config c, ConfigObject object, String path, String key, Read<T> read) {
        String at = key.isEmpty() ? path : path + "." + key;
        ConfigOrigin origin = !key.isEmpty() && c.hasPath(key) ? c.getValue(key).origin() : object.origin();
        try {
            return read.get();
        } catch (ConfigException.WrongType e) {
            throw bad(origin, at, "wrong type: " + e.getMessage().replaceFirst("^.*?: ", ""));
        } catch (ConfigException.BadValue e) {
            throw bad(origin, at, e.getMessage().replaceFirst("^.*?: ", ""));
        } catch (IllegalArgumentException e) {
            throw bad(origin, at, e.getMessage());
        }
    }

    private static ConfigException.BadValue bad(ConfigOrigin origin, String path, String message) {
        return new ConfigException.BadValue(origin, path, message);
    }

    /** Keys with characters HOCON would read as a path are quoted in messages, as HOCON writes them. */
    private static String quoted(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : '"' + key + '"';
    }
}
