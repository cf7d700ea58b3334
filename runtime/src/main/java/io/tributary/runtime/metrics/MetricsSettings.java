package io.tributary.runtime.metrics;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValueType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link MetricsServices} starts: reporters, the HTTP endpoint, alert evaluation. Immutable;
 * build with {@link #builder()} or read with {@link #fromConfig}. The HOCON shape (every key
 * optional, defaults shown) is in {@code docs/metrics.md}:
 * <pre>
 * metrics {
 *   nodeMetrics = true
 *   jmx { enabled = false, domain = tributary }
 *   console.period = 0s                      # 0s = off
 *   csv { directory = "", period = 10s }     # "" = off
 *   http { enabled = false, host = "127.0.0.1", port = 0 }   # 0 = any free port
 *   health.maxConsumerLag = 10000
 *   alerts {
 *     enabled = true, evaluateEvery = 1s, defaults = true
 *     laneWaitFor = 5s, maxLag = 10000, lagFor = 30s, silentAfter = 30s
 *     rules { }                              # see AlertRules
 *   }
 * }
 * </pre>
 */
public final class MetricsSettings {
    private static final Map<String, Set<String>> KEYS = Map.of(
            "", Set.of("nodeMetrics", "jmx", "console", "csv", "http", "health", "alerts"),
            "jmx", Set.of("enabled", "domain"),
            "console", Set.of("period"),
            "csv", Set.of("directory", "period"),
            "http", Set.of("enabled", "host", "port"),
            "health", Set.of("maxConsumerLag"),
            "alerts", Set.of("enabled", "evaluateEvery", "defaults", "laneWaitFor", "maxLag", "lagFor", "silentAfter",
                    "rules"));

    private final boolean nodeMetrics;
    private final boolean jmx;
    private final String jmxDomain;
    private final Duration consolePeriod;
    private final Path csvDirectory;
    private final Duration csvPeriod;
    private final boolean http;
    private final String httpHost;
    private final int httpPort;
    private final long maxConsumerLag;
    private final boolean alerts;
    private final Duration evaluateEvery;
    private final boolean defaultRules;
    private final Duration laneWaitFor;
    private final long maxLag;
    private final Duration lagFor;
    private final Duration silentAfter;
    private final List<AlertRule> rules;

    private MetricsSettings(Builder b) {
        nodeMetrics = b.nodeMetrics;
        jmx = b.jmx;
        jmxDomain = b.jmxDomain;
        consolePeriod = b.consolePeriod;
        csvDirectory = b.csvDirectory;
        csvPeriod = b.csvPeriod;
        http = b.http;
        httpHost = b.httpHost;
        httpPort = b.httpPort;
        maxConsumerLag = b.maxConsumerLag;
        alerts = b.alerts;
        evaluateEvery = b.evaluateEvery;
        defaultRules = b.defaultRules;
        laneWaitFor = b.laneWaitFor;
        maxLag = b.maxLag;
        lagFor = b.lagFor;
        silentAfter = b.silentAfter;
        rules = List.copyOf(b.rules);
    }

    public static MetricsSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@link #fromConfig(Config, String)} with paths relative to {@code metrics}. */
    public static MetricsSettings fromConfig(Config metrics) {
        return fromConfig(metrics, "");
    }

    /**
     * Reads the {@code metrics} object; absent keys keep their defaults, unknown keys are errors.
     *
     * @param path where {@code metrics} sits (such as {@code tributary.metrics}), for error messages
     * @throws ConfigException naming the key path of the first bad value
     */
    public static MetricsSettings fromConfig(Config metrics, String path) {
        String p = path == null || path.isEmpty() ? "" : path + ".";
        checkKeys(metrics.root(), p, "");
        Builder b = builder();
        Reader r = new Reader(metrics, p);
        r.bool("nodeMetrics", b::nodeMetrics);
        r.bool("jmx.enabled", b::jmx);
        r.string("jmx.domain", b::jmxDomain);
        r.duration("console.period", b::consolePeriod);
        r.string("csv.directory", dir -> b.csvDirectory(dir.isBlank() ? null : Path.of(dir)));
        r.duration("csv.period", b::csvPeriod);
        r.bool("http.enabled", b::http);
        r.string("http.host", b::httpHost);
        r.number("http.port", v -> b.httpPort((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v))));
        r.number("health.maxConsumerLag", b::maxConsumerLag);
        r.bool("alerts.enabled", b::alerts);
        r.duration("alerts.evaluateEvery", b::evaluateEvery);
        r.bool("alerts.defaults", b::defaultRules);
        r.duration("alerts.laneWaitFor", b::laneWaitFor);
        r.number("alerts.maxLag", b::maxLag);
        r.duration("alerts.lagFor", b::lagFor);
        r.duration("alerts.silentAfter", b::silentAfter);
        if (metrics.hasPath("alerts.rules")) {
            b.rules(AlertRules.fromConfig(metrics.getConfig("alerts.rules"), p + "alerts.rules"));
        }
        return b.validated(p);
    }

    /** Reads optional keys, turning Typesafe's type errors into messages that name the full key path. */
    private record Reader(Config config, String prefix) {
        void bool(String key, java.util.function.Consumer<Boolean> to) {
            read(key, "true or false", () -> to.accept(config.getBoolean(key)));
        }

        void string(String key, java.util.function.Consumer<String> to) {
            read(key, "a string", () -> to.accept(config.getString(key)));
        }

        void duration(String key, java.util.function.Consumer<Duration> to) {
            read(key, "a duration such as 500ms or 5s", () -> to.accept(config.getDuration(key)));
        }

        void number(String key, java.util.function.LongConsumer to) {
            read(key, "a whole number", () -> to.accept(config.getLong(key)));
        }

        private void read(String key, String expected, Runnable read) {
            if (!config.hasPath(key)) {
                return;
            }
            try {
                read.run();
            } catch (ConfigException.WrongType | ConfigException.BadValue e) {
                throw new ConfigException.BadValue(config.getValue(key).origin(), prefix + key,
                        "expected " + expected + ", was " + config.getValue(key).render());
            }
        }
    }

    private static void checkKeys(ConfigObject object, String prefix, String section) {
        Set<String> allowed = KEYS.get(section);
        for (String key : object.keySet()) {
            String full = prefix + (section.isEmpty() ? "" : section + ".") + key;
            if (!allowed.contains(key)) {
                throw new ConfigException.BadValue(object.get(key).origin(), full,
                        "unknown key; expected one of " + String.join(", ", new TreeSet<>(allowed)));
            }
            if (section.isEmpty() && KEYS.containsKey(key)) {
                if (object.get(key).valueType() != ConfigValueType.OBJECT) {
                    throw new ConfigException.BadValue(object.get(key).origin(), full, "expected an object");
                }
                checkKeys((ConfigObject) object.get(key), prefix, key);
            }
        }
    }

    public boolean nodeMetrics() {
        return nodeMetrics;
    }

    public boolean jmx() {
        return jmx;
    }

    public String jmxDomain() {
        return jmxDomain;
    }

    /** Zero when the console reporter is off. */
    public Duration consolePeriod() {
        return consolePeriod;
    }

    /** Null when the CSV reporter is off. */
    public Path csvDirectory() {
        return csvDirectory;
    }

    public Duration csvPeriod() {
        return csvPeriod;
    }

    public boolean http() {
        return http;
    }

    public String httpHost() {
        return httpHost;
    }

    /** 0 = any free port. */
    public int httpPort() {
        return httpPort;
    }

    public long maxConsumerLag() {
        return maxConsumerLag;
    }

    public boolean alerts() {
        return alerts;
    }

    public Duration evaluateEvery() {
        return evaluateEvery;
    }

    /** Whether {@link DefaultAlertRules} apply (before the configured rules). */
    public boolean defaultRules() {
        return defaultRules;
    }

    public Duration laneWaitFor() {
        return laneWaitFor;
    }

    public long maxLag() {
        return maxLag;
    }

    public Duration lagFor() {
        return lagFor;
    }

    public Duration silentAfter() {
        return silentAfter;
    }

    /** Rules from configuration, merged over the defaults by name. */
    public List<AlertRule> rules() {
        return rules;
    }

    @Override
    public String toString() {
        return "MetricsSettings[nodeMetrics=" + nodeMetrics + ", jmx=" + jmx + ", console=" + consolePeriod
                + ", csv=" + csvDirectory + "@" + csvPeriod + ", http=" + http + " " + httpHost + ":" + httpPort
                + ", alerts=" + alerts + " every " + evaluateEvery + ", defaults=" + defaultRules + ", rules=" + rules.size() + "]";
    }

    /** A builder starting from these settings, e.g. to let a command-line flag override one. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.nodeMetrics = nodeMetrics;
        b.jmx = jmx;
        b.jmxDomain = jmxDomain;
        b.consolePeriod = consolePeriod;
        b.csvDirectory = csvDirectory;
        b.csvPeriod = csvPeriod;
        b.http = http;
        b.httpHost = httpHost;
        b.httpPort = httpPort;
        b.maxConsumerLag = maxConsumerLag;
        b.alerts = alerts;
        b.evaluateEvery = evaluateEvery;
        b.defaultRules = defaultRules;
        b.laneWaitFor = laneWaitFor;
        b.maxLag = maxLag;
        b.lagFor = lagFor;
        b.silentAfter = silentAfter;
        b.rules = rules;
        return b;
    }

    /** Mutable builder; defaults as in the class comment. */
    public static final class Builder {
        private boolean nodeMetrics = true;
        private boolean jmx;
        private String jmxDomain = "tributary";
        private Duration consolePeriod = Duration.ZERO;
        private Path csvDirectory;
        private Duration csvPeriod = Duration.ofSeconds(10);
        private boolean http;
        private String httpHost = MetricsHttpServer.DEFAULT_HOST;
        private int httpPort;
        private long maxConsumerLag = 10_000;
        private boolean alerts = true;
        private Duration evaluateEvery = Duration.ofSeconds(1);
        private boolean defaultRules = true;
        private Duration laneWaitFor = Duration.ofSeconds(5);
        private long maxLag = 10_000;
        private Duration lagFor = Duration.ofSeconds(30);
        private Duration silentAfter = Duration.ofSeconds(30);
        private List<AlertRule> rules = List.of();

        private Builder() {
        }

        public Builder nodeMetrics(boolean value) {
            nodeMetrics = value;
            return this;
        }

        public Builder jmx(boolean value) {
            jmx = value;
            return this;
        }

        public Builder jmxDomain(String value) {
            jmxDomain = Objects.requireNonNull(value, "jmxDomain");
            return this;
        }

        public Builder consolePeriod(Duration value) {
            consolePeriod = Objects.requireNonNull(value, "consolePeriod");
            return this;
        }

        public Builder csvDirectory(Path value) {
            csvDirectory = value;
            return this;
        }

        public Builder csvPeriod(Duration value) {
            csvPeriod = Objects.requireNonNull(value, "csvPeriod");
            return this;
        }

        public Builder http(boolean value) {
            http = value;
            return this;
        }

        public Builder httpHost(String value) {
            httpHost = Objects.requireNonNull(value, "httpHost");
            return this;
        }

        public Builder httpPort(int value) {
            httpPort = value;
            return this;
        }

        public Builder maxConsumerLag(long value) {
            maxConsumerLag = value;
            return this;
        }

        public Builder alerts(boolean value) {
            alerts = value;
            return this;
        }

        public Builder evaluateEvery(Duration value) {
            evaluateEvery = Objects.requireNonNull(value, "evaluateEvery");
            return this;
        }

        public Builder defaultRules(boolean value) {
            defaultRules = value;
            return this;
        }

        public Builder laneWaitFor(Duration value) {
            laneWaitFor = Objects.requireNonNull(value, "laneWaitFor");
            return this;
        }

        public Builder maxLag(long value) {
            maxLag = value;
            return this;
        }

        public Builder lagFor(Duration value) {
            lagFor = Objects.requireNonNull(value, "lagFor");
            return this;
        }

        public Builder silentAfter(Duration value) {
            silentAfter = Objects.requireNonNull(value, "silentAfter");
            return this;
        }

        public Builder rules(List<AlertRule> value) {
            rules = List.copyOf(value);
            return this;
        }

        /** @throws IllegalArgumentException naming the first bad setting */
        public MetricsSettings build() {
            return validated("");
        }

        private MetricsSettings validated(String prefix) {
            positiveOrZero(prefix + "console.period", consolePeriod);
            positive(prefix + "csv.period", csvPeriod);
            positive(prefix + "alerts.evaluateEvery", evaluateEvery);
            positiveOrZero(prefix + "alerts.laneWaitFor", laneWaitFor);
            positiveOrZero(prefix + "alerts.lagFor", lagFor);
            positive(prefix + "alerts.silentAfter", silentAfter);
            if (httpPort < 0 || httpPort > 65_535) {
                throw new IllegalArgumentException(prefix + "http.port must be in [0, 65535], was " + httpPort);
            }
            if (httpHost.isBlank()) {
                throw new IllegalArgumentException(prefix + "http.host must not be blank");
            }
            if (maxConsumerLag < 0) {
                throw new IllegalArgumentException(prefix + "health.maxConsumerLag must be >= 0, was " + maxConsumerLag);
            }
            if (maxLag < 0) {
                throw new IllegalArgumentException(prefix + "alerts.maxLag must be >= 0, was " + maxLag);
            }
            if (jmxDomain.isBlank()) {
                throw new IllegalArgumentException(prefix + "jmx.domain must not be blank");
            }
            return new MetricsSettings(this);
        }

        private static void positive(String key, Duration value) {
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(key + " must be > 0, was " + value);
            }
        }

        private static void positiveOrZero(String key, Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException(key + " must be >= 0, was " + value);
            }
        }
    }
}
