package io.tributary.runtime.config;

import com.typesafe.config.Config;
import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the resolved {@code tributary} settings into a {@link TributaryConfig}, collecting every problem. */
final class SettingsParser {
    static final int MAX_WORKERS = 64;
    private static final Duration HOUR = Duration.ofHours(1);

    private SettingsParser() {
    }

    static TributaryConfig parse(Config config, String profile, int cores) {
        SettingsReader r = new SettingsReader(config);
        ExecutorSettings executor = executor(r, cores);
        RunSettings run = new RunSettings(
                r.durationIn("tributary.run.duration", Duration.ZERO, Duration.ofDays(365)),
                r.durationIn("tributary.run.progressInterval", Duration.ofMillis(100), HOUR));
        TransportSettings transport = transport(r);
        Duration timerPeriod = r.durationIn("tributary.plan.timerPeriod", Duration.ofMillis(1), Duration.ofSeconds(10));
        if (!r.problems().isEmpty()) {
            throw new InvalidConfigException(r.problems());
        }
        return new TributaryConfig(profile, executor, run, transport, timerPeriod,
                config.getConfig("tributary").atPath("tributary"));
    }

    private static ExecutorSettings executor(SettingsReader r, int cores) {
        String p = "tributary.executor.";
        Duration micro = Duration.ofNanos(1_000);
        int min = r.intIn(p + "minWorkers", 1, MAX_WORKERS);
        int max = r.intIn(p + "maxWorkers", 0, MAX_WORKERS);
        int effectiveMax = max == 0 ? Math.min(MAX_WORKERS, Math.max(min, 2 * cores)) : max;
        if (max != 0 && min > max) {
            r.problem(p + "minWorkers", "expected at most maxWorkers (" + max + "), was " + min);
        }
        int keySlots = r.powerOfTwoIn(p + "keySlots", 64, 1 << 20);
        int maxBatch = r.intIn(p + "maxBatch", 1, 65_536);
        Duration flush = r.durationIn(p + "flushInterval", micro, HOUR);
        Duration block = r.durationIn(p + "blockTimeout", Duration.ZERO, HOUR);
        Duration grace = r.durationIn(p + "shutdownGrace", Duration.ZERO, HOUR);
        int spins = r.intIn(p + "idle.spins", 0, 1_000_000);
        int yields = r.intIn(p + "idle.yields", 0, 1_000_000);
        ExecutorSettings.Scale scale = new ExecutorSettings.Scale(
                r.durationIn(p + "scale.checkInterval", Duration.ofNanos(100_000), Duration.ofSeconds(10)),
                r.intIn(p + "scale.upQueueDepth", 1, 1 << 30),
                r.durationIn(p + "scale.upWait", micro, HOUR),
                r.durationIn(p + "scale.downAfter", Duration.ofMillis(1), HOUR));
        Map<Priority, LaneSettings> lanes = new EnumMap<>(Priority.class);
        for (Priority lane : Priority.values()) {
            String l = p + "lanes." + lane.name().toLowerCase(Locale.ROOT) + ".";
            int capacity = r.powerOfTwoIn(l + "capacity", 2, 1 << 24);
            OverflowPolicy overflow = r.enumOf(l + "overflow", OverflowPolicy.class, OverflowPolicy.BLOCK);
            boolean critical = lane == Priority.CRITICAL;
            lanes.put(lane, new LaneSettings(capacity, overflow, critical ? 0 : r.intIn(l + "weight", 1, 1_000),
                    critical ? null : r.durationIn(l + "maxWait", micro, HOUR)));
        }
        return new ExecutorSettings(min, effectiveMax, keySlots, maxBatch, flush, block, grace, spins, yields, scale,
                lanes);
    }

    private static TransportSettings transport(SettingsReader r) {
        String p = "tributary.transport.";
        TransportSettings.Type type = r.enumOf(p + "type", TransportSettings.Type.class, TransportSettings.Type.INMEMORY);
        TransportSettings.Kafka kafka = null;
        TransportSettings.Redis redis = null;
        if (type == TransportSettings.Type.KAFKA) {
            kafka = kafka(r, p + "kafka.");
        } else if (type == TransportSettings.Type.REDIS) {
            redis = redis(r, p + "redis.");
        }
        return new TransportSettings(type, kafka, redis);
    }

    private static TransportSettings.Kafka kafka(SettingsReader r, String k) {
        Map<String, String> client = new java.util.TreeMap<>();
        String clientPath = k + "client";
        if (r.config().hasPath(clientPath)) {
            for (Map.Entry<String, com.typesafe.config.ConfigValue> e : r.config().getConfig(clientPath).entrySet()) {
                String key = e.getKey().replace("\"", "");
                com.typesafe.config.ConfigValueType t = e.getValue().valueType();
                if (t == com.typesafe.config.ConfigValueType.LIST || t == com.typesafe.config.ConfigValueType.NULL) {
                    r.problem(clientPath + "." + e.getKey(), "expected a string, number or boolean (a Kafka client"
                            + " property; lists are comma-separated strings), was " + t.name().toLowerCase(java.util.Locale.ROOT)
                            + SettingsReader.origin(e.getValue()));
                } else {
                    client.put(key, String.valueOf(e.getValue().unwrapped()));
                }
            }
        }
        return new TransportSettings.Kafka(r.nonEmptyString(k + "bootstrapServers"),
                r.nonEmptyString(k + "applicationId"),
                r.enumOf(k + "processingGuarantee", TransportSettings.Kafka.ProcessingGuarantee.class,
                        TransportSettings.Kafka.ProcessingGuarantee.AT_LEAST_ONCE),
                r.enumOf(k + "profile", TransportSettings.Kafka.Profile.class, TransportSettings.Kafka.Profile.LOW_LATENCY),
                client, kafkaOutbox(r, k + "outbox."));
    }

    private static TransportSettings.Kafka.Outbox kafkaOutbox(SettingsReader r, String p) {
        Map<Priority, OverflowPolicy> overflow = new EnumMap<>(Priority.class);
        for (Priority lane : Priority.values()) {
            overflow.put(lane, r.enumOf(p + "lanes." + lane.name().toLowerCase(Locale.ROOT), OverflowPolicy.class,
                    OverflowPolicy.BLOCK));
        }
        return new TransportSettings.Kafka.Outbox(r.intIn(p + "limit", 1, 1 << 24),
                r.durationIn(p + "blockTimeout", Duration.ZERO, HOUR), overflow);
    }

    private static TransportSettings.Redis redis(SettingsReader r, String p) {
        String address = r.nonEmptyString(p + "address");
        if (!address.isEmpty() && !address.matches("rediss?://[^/:\\s]+:\\d{1,5}/?")) {
            r.problem(p + "address", "expected redis://HOST:PORT or rediss://HOST:PORT, was '" + address + "'"
                    + SettingsReader.origin(r.config().getValue(p + "address")));
        }
        String username = r.optionalString(p + "username");
        String password = r.optionalString(p + "password");
        int database = r.intIn(p + "database", 0, 1_000);
        String truststore = r.optionalString(p + "tls.truststore");
        String truststorePassword = r.optionalString(p + "tls.truststorePassword");
        boolean verifyHostname = r.bool(p + "tls.verifyHostname");
        if (truststore != null && !address.startsWith("rediss://")) {
            r.problem(p + "tls.truststore", "set, but address '" + address + "' is not rediss:// (TLS)");
        }
        Duration connect = r.durationIn(p + "connectTimeout", Duration.ofMillis(10), Duration.ofMinutes(5));
        Duration timeout = r.durationIn(p + "timeout", Duration.ofMillis(10), Duration.ofMinutes(5));
        TransportSettings.Redis.StreamMode mode = r.enumOf(p + "streamMode", TransportSettings.Redis.StreamMode.class,
                TransportSettings.Redis.StreamMode.LANE);
        long maxLength = r.longIn(p + "maxLength", 1, Long.MAX_VALUE);
        Duration maxAge = r.durationIn(p + "maxAge", Duration.ZERO, Duration.ofDays(3_650));
        int batchMax = r.intIn(p + "batch.max", 1, 100_000);
        Duration flush = r.durationIn(p + "batch.flushInterval", Duration.ofNanos(1_000), HOUR);
        int messagesPerEntry = r.intIn(p + "messagesPerEntry", 1, 1_024);   // RedisSettings.MAX_MESSAGES_PER_ENTRY
        Duration claimIdle = r.durationIn(p + "claimIdle", Duration.ofMillis(10), HOUR);
        int bufferLimit = r.intIn(p + "bufferLimit", 1, 1 << 26);
        if (bufferLimit < batchMax) {
            r.problem(p + "bufferLimit", "expected at least batch.max (" + batchMax + "), was " + bufferLimit);
        }
        String app = r.nonEmptyString(p + "app");
        if (!app.isEmpty() && !app.matches("[A-Za-z0-9_\\-]+")) {
            r.problem(p + "app", "expected letters, digits, '_' or '-' (it starts every stream name), was '" + app + "'"
                    + SettingsReader.origin(r.config().getValue(p + "app")));
        }
        return new TransportSettings.Redis(address, username, password, database,
                truststore == null ? null : java.nio.file.Path.of(truststore), truststorePassword, verifyHostname,
                connect, timeout, mode, maxLength, maxAge, batchMax, flush, messagesPerEntry, claimIdle, bufferLimit, app,
                redisLanes(r, p + "lanes."), r.intIn(p + "readCount", 1, 65_536),
                r.durationIn(p + "blockTimeout", Duration.ZERO, HOUR), r.intIn(p + "recentIds", 1, 1 << 24));
    }

    /** Like {@code executor.lanes}: CRITICAL has no maxWait (it is never held back). */
    private static Map<Priority, TransportSettings.Redis.Lane> redisLanes(SettingsReader r, String p) {
        Map<Priority, TransportSettings.Redis.Lane> lanes = new EnumMap<>(Priority.class);
        for (Priority lane : Priority.values()) {
            String l = p + lane.name().toLowerCase(Locale.ROOT) + ".";
            OverflowPolicy overflow = r.enumOf(l + "overflow", OverflowPolicy.class, OverflowPolicy.BLOCK);
            Duration maxWait = lane == Priority.CRITICAL ? Duration.ZERO : r.durationIn(l + "maxWait", Duration.ZERO, HOUR);
            lanes.put(lane, new TransportSettings.Redis.Lane(overflow, maxWait));
        }
        return lanes;
    }

}
