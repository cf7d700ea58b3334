package io.tributary.runtime.cli;

import io.tributary.api.MessageBus;
import io.tributary.api.dsl.Topology;
import io.tributary.runtime.config.TransportSettings;
import io.tributary.runtime.config.TributaryConfig;
import io.tributary.runtime.metrics.Registration;
import io.tributary.runtime.metrics.TributaryMetrics;
import io.tributary.runtime.transport.avro.PayloadMapping;
import io.tributary.runtime.transport.redis.LocalRedisServer;
import io.tributary.runtime.transport.redis.RedisLaneConsumer;
import io.tributary.runtime.transport.redis.RedisLanePublisher;
import io.tributary.runtime.transport.redis.RedisTransportRunner;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code run --transport redis}: the topology's topic sources are fed from Redis Streams
 * ({@link RedisTransportRunner}): what the run publishes on their patterns is written to the lane
 * streams, read back through the consumer group and only then handled; the rest of the plan runs
 * in-process as usual. Payloads of {@code api.market} types cross as their Avro schema types.
 *
 * <p>Where Redis is: {@code --redis} as given ({@value RedisTransportRunner#LOCAL}: a local server);
 * else the configured {@code tributary.transport.redis.address} if the configuration set it (a file,
 * {@code TRIBUTARY_REDIS_ADDRESS}, a system property); else, the address being the reference default,
 * a {@code redis-server} started for the run, which needs one installed.
 */
final class RedisSession implements TransportSession {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    static final String ADDRESS_PATH = "tributary.transport.redis.address";

    private final RedisTransportRunner runner;
    private final LocalRedisServer server;
    private final Registration metrics;
    private final TransportProgress progress = new TransportProgress("redis", "DOWN", "buffered");

    private RedisSession(RedisTransportRunner runner, LocalRedisServer server, Registration metrics) {
        this.runner = runner;
        this.server = server;
        this.metrics = metrics;
    }

    /**
     * Starts the Redis side and waits until the consumer group is set up.
     *
     * @param address {@code --redis}, or null for the configured one
     * @param metrics where the health check {@code transport.redis} and the transport counters are registered; may be null
     * @throws IllegalArgumentException when Redis cannot be reached, or no redis-server can be started
     */
    static RedisSession start(Topology topology, MessageBus bus, TributaryConfig cfg, String address,
                              TributaryMetrics metrics, PrintWriter out) throws InterruptedException {
        TransportSettings.Redis redis = cfg.transport().redis();
        String target = address != null ? address.trim() : configured(cfg) ? redis.address() : RedisTransportRunner.LOCAL;
        LocalRedisServer server = null;
        if (target.isEmpty() || target.equals(RedisTransportRunner.LOCAL)) {
            server = startLocal(out);
            target = server.address();
        }
        RedisTransportRunner runner;
        try {
            runner = RedisTransportRunner.attach(topology, bus,
                    new RedisTransportRunner.Options(target, redis.app(), redis, PayloadMapping.MARKET));
        } catch (IllegalStateException e) {
            if (server != null) {
                server.close();
            }
            // RedisClients names the address, the user and the cause
            throw new IllegalArgumentException(e.getMessage() + System.lineSeparator()
                    + "start Redis there, pass --redis redis://HOST:PORT (or set tributary.transport.redis.address), "
                    + "or leave both unset to start a local redis-server for the run", e);
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            throw e;
        }
        try {
            if (!runner.awaitReady(START_TIMEOUT)) {
                throw new IllegalStateException("the Redis consumer group " + redis.app() + " at " + runner.address()
                        + " was not ready within " + START_TIMEOUT.toSeconds() + " s");
            }
            Registration registered = metrics == null ? null : runner.registerMetrics(metrics);
            return new RedisSession(runner, server, registered);
        } catch (InterruptedException | RuntimeException e) {
            runner.close();
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    /** Whether the address came from the user's configuration rather than reference.conf's default. */
    static boolean configured(TributaryConfig cfg) {
        if (!cfg.raw().hasPath(ADDRESS_PATH)) {
            return false;
        }
        String origin = String.valueOf(cfg.raw().getValue(ADDRESS_PATH).origin().description());
        return !origin.contains("reference.conf");
    }

    private static LocalRedisServer startLocal(PrintWriter out) {
        String executable = installedServer(LocalRedisServer.installed());
        out.println("starting a local redis-server for this run (" + executable
                + "; pass --redis redis://HOST:PORT for a running Redis)");
        out.flush();
        return LocalRedisServer.start(LocalRedisServer.Options.defaults());
    }

    /** The redis-server to start, or the error that says what to install and what to pass instead. */
    static String installedServer(Optional<String> installed) {
        return installed.orElseThrow(() -> new IllegalArgumentException(
                "--transport redis without an address starts a local redis-server for the run, but none is installed"
                        + " (no redis-server on the PATH): install Redis (Debian/Ubuntu: apt-get install redis-server;"
                        + " macOS: brew install redis), or pass --redis redis://HOST:PORT of a running Redis"
                        + " (or set tributary.transport.redis.address)"));
    }

    @Override
    public String description() {
        return "Redis at " + runner.address() + " (streams for: "
                + (runner.redisSources().isEmpty() ? "nothing" : String.join(", ", runner.redisSources())) + ")";
    }

    @Override
    public MessageBus planBus() {
        return runner.planBus();
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>();
        RedisLanePublisher publisher = runner.publisher();
        out.put("redis.bridged", runner.bridged());
        out.put("redis.not-sent", runner.notAvro());
        out.put("redis.xadd", publisher.sent());
        out.put("redis.entries", publisher.entries());   // stream entries: messages share them (docs/redis.md)
        out.put("redis.batches", publisher.batches());
        out.put("redis.dropped", publisher.dropped());
        out.put("redis.refused", publisher.refused() + runner.refused());
        out.put("redis.trim-failures", publisher.trimFailures());
        RedisLaneConsumer consumer = runner.consumer();
        if (consumer != null) {
            out.put("redis.received", consumer.delivered());
            out.put("redis.duplicates", consumer.duplicates());
            out.put("redis.claimed", consumer.claimed());
            out.put("redis.dead-letters", consumer.deadLettered());
        }
        out.put("redis.failures", publisher.failures() + (consumer == null ? 0 : consumer.failures()));
        return out;
    }

    /** {@code | redis sent 12.0k/s recv 12.0k/s buffered 0} (and {@code DOWN} while Redis is away). */
    @Override
    public String progress() {
        return progress.next(!runner.connected(), runner.publisher().sent(),
                runner.consumer() == null ? 0 : runner.consumer().delivered(), runner.publisher().buffered());
    }

    RedisTransportRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
        runner.close();
        if (server != null) {
            server.close();
        }
    }
}
