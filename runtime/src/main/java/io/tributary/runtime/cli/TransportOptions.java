package io.tributary.runtime.cli;

import io.tributary.api.MessageBus;
import io.tributary.api.dsl.Topology;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.config.ConfigLoader;
import io.tributary.runtime.config.TransportSettings;
import io.tributary.runtime.config.TributaryConfig;
import io.tributary.runtime.metrics.TributaryMetrics;
import io.tributary.runtime.transport.redis.RedisTransportRunner;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Properties;

/** {@code --transport}, {@code --bootstrap} and {@code --redis}: which {@link TransportSession} a command opens. */
final class TransportOptions {
    private TransportOptions() {
    }

    /**
     * The configuration loader, with {@code tributary.transport.type} set to {@code type} when given:
     * the chosen transport's block is then read and validated as if the file had selected it.
     */
    static ConfigLoader loader(TransportSettings.Type type) {
        Properties props = (Properties) System.getProperties().clone();
        if (type != null) {
            props.setProperty("tributary.transport.type", type.name().toLowerCase(Locale.ROOT));
        }
        return new ConfigLoader(System.getenv(), props, ConfigLoader.class.getClassLoader(),
                Runtime.getRuntime().availableProcessors());
    }

    /** Fails early, before plugins load, for a transport or option that cannot run. */
    static void check(TributaryConfig cfg, String bootstrap, String redis) {
        TransportSettings.Type type = cfg.transport().type();
        if (bootstrap != null && type != TransportSettings.Type.KAFKA) {
            throw new IllegalArgumentException("--bootstrap " + bootstrap + " needs --transport kafka (transport is "
                    + type.name().toLowerCase(Locale.ROOT) + ")");
        }
        if (bootstrap != null && bootstrap.isBlank()) {
            throw new IllegalArgumentException("--bootstrap needs HOST:PORT[,HOST:PORT…] or embedded");
        }
        if (redis != null && type != TransportSettings.Type.REDIS) {
            throw new IllegalArgumentException("--redis " + redis + " needs --transport redis (transport is "
                    + type.name().toLowerCase(Locale.ROOT) + ")");
        }
        if (redis != null && !redis.trim().equals(RedisTransportRunner.LOCAL)
                && !redis.trim().matches("rediss?://[^/:\\s]+:\\d{1,5}/?")) {
            throw new IllegalArgumentException("--redis expects redis://HOST:PORT, rediss://HOST:PORT (TLS) or "
                    + RedisTransportRunner.LOCAL + " (a redis-server started for the run), was '" + redis + "'");
        }
    }

    static TransportSession open(TributaryConfig cfg, Topology topology, PluginCatalog catalog, MessageBus bus,
                                 String bootstrap, String redis, TributaryMetrics metrics, PrintWriter out)
            throws InterruptedException {
        return switch (cfg.transport().type()) {
            case INMEMORY -> new InMemorySession(bus);
            case KAFKA -> KafkaSession.start(topology, catalog, bus, cfg.transport().kafka(), bootstrap, metrics, out);
            case REDIS -> RedisSession.start(topology, bus, cfg, redis, metrics, out);
        };
    }

    /** {@code inmemory}, {@code kafka}, {@code redis}, any case; an error lists them. */
    static final class TypeConverter implements CommandLine.ITypeConverter<TransportSettings.Type> {
        @Override
        public TransportSettings.Type convert(String value) {
            for (TransportSettings.Type t : TransportSettings.Type.values()) {
                if (t.name().equalsIgnoreCase(value.trim())) {
                    return t;
                }
            }
            throw new CommandLine.TypeConversionException("unknown transport '" + value + "': expected inmemory, kafka or redis");
        }
    }
}
