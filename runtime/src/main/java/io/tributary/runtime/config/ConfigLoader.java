package io.tributary.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import io.tributary.api.spi.KeySuggestions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads and validates the configuration. Layers, strongest first:
 * <ol>
 *   <li>environment variables {@code CONFIG_FORCE_<path>} (Typesafe Config's convention: {@code _} is
 *       a dot, {@code __} a dash, {@code ___} an underscore; e.g.
 *       {@code CONFIG_FORCE_tributary_executor_maxWorkers=8});</li>
 *   <li>system properties {@code -Dtributary.…};</li>
 *   <li>the file given with {@code --config};</li>
 *   <li>the block {@code tributary.profiles.<profile>} of the active profile;</li>
 *   <li>{@code reference.conf} in the jar, whose {@code ${?ENV}} substitutions let
 *       {@code TRIBUTARY_PROFILE}, {@code TRIBUTARY_TRANSPORT}, {@code TRIBUTARY_KAFKA_BOOTSTRAP} and
 *       {@code TRIBUTARY_REDIS_ADDRESS} replace their defaults.</li>
 * </ol>
 * Every problem is collected: unknown keys (with the closest known one), wrong types, values out of
 * range, an unknown profile, a file that does not parse.
 */
public final class ConfigLoader {
    static final String FORCE_PREFIX = "CONFIG_FORCE_";

    private final Map<String, String> env;
    private final Properties systemProperties;
    private final ClassLoader classLoader;
    private final int cores;

    public ConfigLoader(Map<String, String> env, Properties systemProperties, ClassLoader classLoader, int cores) {
        this.env = Map.copyOf(env);
        this.systemProperties = (Properties) systemProperties.clone();
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.cores = cores;
    }

    /** The process's own environment, system properties and class path. */
    public static ConfigLoader standard() {
        return new ConfigLoader(System.getenv(), System.getProperties(), ConfigLoader.class.getClassLoader(),
                Runtime.getRuntime().availableProcessors());
    }

    /** Defaults, profile and overrides, without a file. */
    public TributaryConfig load() {
        return load(null);
    }

    /**
     * @param file a HOCON file, or null
     * @throws InvalidConfigException listing every problem
     */
    public TributaryConfig load(Path file) {
        List<ConfigProblem> problems = new ArrayList<>();
        Config reference = ConfigFactory.parseResources(classLoader, "reference.conf");
        Config fromFile = ConfigFactory.empty();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new InvalidConfigException(List.of(new ConfigProblem(file.toString(), "no such file")));
            }
            try {
                fromFile = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
            } catch (ConfigException e) {
                throw new InvalidConfigException(List.of(new ConfigProblem(file.toString(), e.getMessage())));
            }
        }
        Config sys = ConfigFactory.parseProperties(systemProperties);
        sys = sys.hasPath("tributary") ? sys.withOnlyPath("tributary") : ConfigFactory.empty();
        Config user = forcedByEnvironment().withFallback(sys).withFallback(fromFile);

        Config base = resolve(user.withFallback(reference), problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        String profile = activeProfile(base, problems);
        Config overlay = profile == null ? ConfigFactory.empty()
                : base.getConfig("tributary.profiles." + ConfigUtil.quoteString(profile)).atPath("tributary");
        Config full = resolve(user.withFallback(overlay).withFallback(reference), problems);
        unknownKeys(user, reference, problems);
        metricsProblems(full, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return SettingsParser.parse(full.withOnlyPath("tributary"), profile, cores);
    }

    /**
     * Resolves substitutions against the given environment (not the process's, so tests can pass
     * their own): the variables are merged in as root keys, then dropped again.
     */
    private Config resolve(Config config, List<ConfigProblem> problems) {
        Map<String, Object> variables = new HashMap<>();
        env.forEach((name, value) -> variables.put(ConfigUtil.quoteString(name), value));
        try {
            Config withEnv = config.withFallback(ConfigFactory.parseMap(variables, "environment"));
            Config resolved = withEnv.resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
            return resolved.hasPath("tributary") ? resolved.withOnlyPath("tributary") : ConfigFactory.empty();
        } catch (ConfigException e) {
            problems.add(new ConfigProblem(e.origin() != null ? e.origin().description() : "configuration", e.getMessage()));
            return config;
        }
    }

    private static String activeProfile(Config base, List<ConfigProblem> problems) {
        String path = "tributary.profile";
        if (!base.hasPath(path)) {
            problems.add(new ConfigProblem(path, "missing (expected a profile name)"));
            return null;
        }
        String profile = base.getValue(path).unwrapped().toString();
        Set<String> known = base.hasPath("tributary.profiles") ? new TreeSet<>(base.getConfig("tributary.profiles").root().keySet())
                : Set.of();
        if (!known.contains(profile)) {
            problems.add(new ConfigProblem(path, "unknown profile '" + profile + "'; profiles: " + String.join(", ", known)
                    + SettingsReader.origin(base.getValue(path))));
            return null;
        }
        return profile;
    }

    /** Every key the user set must exist in reference.conf; profile blocks are checked like the root. */
    private static void metricsProblems(Config full, List<ConfigProblem> problems) {
        if (!full.hasPath(METRICS_PATH)) {
            return;
        }
        try {
            io.tributary.runtime.metrics.MetricsSettings.fromConfig(full.getConfig(METRICS_PATH), METRICS_PATH);
        } catch (RuntimeException e) {
            problems.add(new ConfigProblem(METRICS_PATH, e.getMessage()));
        }
    }

    /** Where the metrics, health and alert settings live (see docs/metrics.md). */
    public static final String METRICS_PATH = "tributary.metrics";

    private static void unknownKeys(Config user, Config reference, List<ConfigProblem> problems) {
        if (!user.hasPath("tributary")) {
            return;
        }
        Set<String> known = new TreeSet<>();
        for (Map.Entry<String, ConfigValue> e : reference.getConfig("tributary").entrySet()) {
            if (!e.getKey().startsWith("profiles.")) {
                known.add(e.getKey());
            }
        }
        for (Map.Entry<String, ConfigValue> e : user.getConfig("tributary").entrySet()) {
            String key = e.getKey();
            List<String> parts = ConfigUtil.splitPath(key);
            String relative = key;
            if (parts.size() > 2 && parts.get(0).equals("profiles")) {
                relative = ConfigUtil.joinPath(parts.subList(2, parts.size()));
            }
            if (relative.startsWith("metrics.")) {
                continue; // checked key by key by MetricsSettings.fromConfig (alert rule names are free)
            }
            if (relative.startsWith("transport.kafka.client.")) {
                continue; // Kafka client properties, passed through as they are (values checked by SettingsParser)
            }
            if (relative.startsWith("executor.lanes.critical.weight") || relative.startsWith("executor.lanes.critical.maxWait")) {
                problems.add(new ConfigProblem("tributary." + key, "CRITICAL is always served first: it has no weight"
                        + " or maxWait" + SettingsReader.origin(e.getValue())));
            } else if (!known.contains(relative)) {
                String hint = closest(relative, known);
                problems.add(new ConfigProblem("tributary." + key, "unknown setting"
                        + (hint != null ? "; did you mean tributary." + hint + "?" : "")
                        + SettingsReader.origin(e.getValue())));
            }
        }
    }

    /** The known key nearest by edit distance, if it is near enough to be a typo. */
    private static String closest(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = KeySuggestions.distance(key.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (bestDistance <= Math.max(2, key.length() / 5)) {
            return best;
        }
        return null;
    }

    /** {@code CONFIG_FORCE_a_b__c___d=v} sets {@code a.b-c_d = v}, as Typesafe Config does. */
    private Config forcedByEnvironment() {
        Map<String, String> values = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(FORCE_PREFIX) && name.length() > FORCE_PREFIX.length()) {
                values.put(envToPath(name.substring(FORCE_PREFIX.length())), value);
            }
        });
        return ConfigFactory.parseMap(values, "environment variables " + FORCE_PREFIX + "*");
    }

    static String envToPath(String name) {
        StringBuilder path = new StringBuilder();
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c != '_') {
                path.append(c);
                i++;
                continue;
            }
            int run = 0;
            while (i + run < name.length() && name.charAt(i + run) == '_') {
                run++;
            }
            path.append(run == 1 ? "." : run == 2 ? "-" : "_");
            i += Math.min(run, 3);
        }
        return path.toString();
    }
}
