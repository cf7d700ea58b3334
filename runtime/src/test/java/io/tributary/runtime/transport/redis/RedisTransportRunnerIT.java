package io.tributary.runtime.transport.redis;

import io.tributary.api.Envelope;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.metrics.Registration;
import io.tributary.runtime.metrics.TributaryMetrics;
import io.tributary.schemas.QuoteTick;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tributary.runtime.transport.redis.RedisFixtures.await;
import static io.tributary.runtime.transport.redis.RedisFixtures.quote;
import static io.tributary.runtime.transport.redis.RedisFixtures.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A topology across Redis: bus → lane streams → consumer group → plan → outputs back on the bus. */
class RedisTransportRunnerIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    static Topology evenQuotes() {
        TopologyBuilder t = new TopologyBuilder("even-quotes");
        t.<QuoteTick>stream("data.quotes.**")
                .filter(q -> q.getBidPrice().getMantissa() % 2 == 0)
                .lane(Priority.CRITICAL)
                .to("quotes.even");
        return t.build();
    }

    @Test
    void runsATopologyOverALocalRedisServer() throws Exception {
        LocalMessageBus bus = LocalMessageBus.withDefaults();
        TributaryMetrics metrics = TributaryMetrics.builder().build();
        List<Envelope<Object>> out = new CopyOnWriteArrayList<>();
        bus.subscribe("quotes.even", (Envelope<Object> m) -> out.add(m.copy()), SubscribeOptions.inline());
        try (RedisTransportRunner redis = RedisTransportRunner.start(evenQuotes(), PluginCatalog.empty(), bus,
                new RedisTransportRunner.Options(null, "desk", null));
             Registration registered = redis.registerMetrics(metrics)) {
            assertTrue(redis.address().startsWith("redis://127.0.0.1:"), redis.address());
            for (int i = 0; i < 200; i++) {
                bus.publish("data.quotes.BINANCE.BTCUSDT", "BTCUSDT", quote(i), Priority.NORMAL);
            }
            bus.publish("data.quotes.BINANCE.ETHUSDT", "ETHUSDT", "not an Avro record", Priority.NORMAL);
            assertTrue(await(WAIT, () -> out.size() == 100), "outputs " + out.size());
            assertEquals(200, redis.bridged());
            assertEquals(1, redis.notAvro());
            assertTrue(out.stream().allMatch(m -> m.priority() == Priority.CRITICAL && seq(m.payload()) % 2 == 0));
            assertEquals(100, out.stream().map(m -> seq(m.payload())).distinct().count());
            assertTrue(redis.connected());
            assertTrue(metrics.healthChecks().runHealthCheck("transport.redis").isHealthy());
            var counters = metrics.registry().getCounters();   // what /metrics exports
            assertEquals(200, counters.get("tributary.transport.redis.bridged").getCount());
            assertEquals(1, counters.get("tributary.transport.redis.not-sent").getCount());
            assertEquals(200, counters.get("tributary.transport.redis.sent").getCount());
            assertEquals(200, counters.get("tributary.transport.redis.received").getCount());
            assertEquals(0, counters.get("tributary.transport.redis.duplicates").getCount());
        } finally {
            bus.close();
            metrics.close();
        }
    }

    /** The health check says which side lost Redis, and turns back once the server is back. */
    @Test
    void theHealthCheckNamesWhatLostRedis(@TempDir Path data) throws Exception {
        LocalMessageBus bus = LocalMessageBus.withDefaults();
        TributaryMetrics metrics = TributaryMetrics.builder().build();
        List<Envelope<Object>> out = new CopyOnWriteArrayList<>();
        bus.subscribe("quotes.even", (Envelope<Object> m) -> out.add(m.copy()), SubscribeOptions.inline());
        try (LocalRedisServer server = LocalRedisServer.start(LocalRedisServer.Options.defaults().withAppendOnly(data));
             RedisTransportRunner redis = RedisTransportRunner.start(evenQuotes(), PluginCatalog.empty(), bus,
                     new RedisTransportRunner.Options(server.address(), "desk", null));
             Registration registered = redis.registerMetrics(metrics)) {
            bus.publish("data.quotes.BINANCE.BTCUSDT", "BTCUSDT", quote(0), Priority.NORMAL);
            assertTrue(await(WAIT, () -> out.size() == 1), "outputs " + out.size());
            assertEquals("redis connected", metrics.healthChecks().runHealthCheck("transport.redis").getMessage());

            server.kill();
            assertTrue(await(WAIT, () -> !redis.connected()), "the consumer's reads did not notice the dead server");
            String message = metrics.healthChecks().runHealthCheck("transport.redis").getMessage();
            assertTrue(message.startsWith("Redis at " + server.address() + " does not "), message);
            bus.publish("data.quotes.BINANCE.BTCUSDT", "BTCUSDT", quote(2), Priority.NORMAL);
            assertTrue(await(WAIT, () -> metrics.healthChecks().runHealthCheck("transport.redis").getMessage()
                    .contains("does not take this run's writes")), "the publisher did not notice");

            server.restart();
            assertTrue(await(WAIT, () -> metrics.healthChecks().runHealthCheck("transport.redis").isHealthy()),
                    metrics.healthChecks().runHealthCheck("transport.redis").getMessage());
            assertTrue(await(WAIT, () -> out.size() == 2), "outputs " + out.size());
        } finally {
            bus.close();
            metrics.close();
        }
    }

    /** An in-process sink feeding a topic source: the source sees each message once, after Redis, and nothing loops. */
    static Topology chained() {
        TopologyBuilder t = new TopologyBuilder("chained");
        t.<QuoteTick>stream("data.quotes.**").lane(Priority.HIGH).to("desk.mid.quotes");
        t.<QuoteTick>stream("desk.mid.*").to("desk.out");
        return t.build();
    }

    @Test
    void aSourceFedFromInsideThePlanReadsOnlyWhatCameThroughRedis() throws Exception {
        LocalMessageBus bus = LocalMessageBus.withDefaults();
        List<Envelope<Object>> mid = new CopyOnWriteArrayList<>();
        List<Envelope<Object>> out = new CopyOnWriteArrayList<>();
        bus.subscribe("desk.mid.quotes", (Envelope<Object> m) -> mid.add(m.copy()), SubscribeOptions.inline());
        bus.subscribe("desk.out", (Envelope<Object> m) -> out.add(m.copy()), SubscribeOptions.inline());
        try (RedisTransportRunner redis = RedisTransportRunner.start(chained(), PluginCatalog.empty(), bus,
                new RedisTransportRunner.Options(null, "chain", null))) {
            assertEquals(2, redis.redisSources().size(), redis.redisSources().toString());
            for (int i = 0; i < 100; i++) {
                bus.publish("data.quotes.BINANCE.BTCUSDT", "BTCUSDT", quote(i), Priority.NORMAL);
            }
            assertTrue(await(WAIT, () -> out.size() >= 100), "outputs " + out.size());
            // both hops crossed Redis: 100 in, 100 from the first source's sink
            assertTrue(await(WAIT, () -> redis.bridged() == 200), "bridged " + redis.bridged());
            assertTrue(await(WAIT, () -> redis.consumer().delivered() == 200), "received " + redis.consumer().delivered());
            Thread.sleep(300);   // anything looping or doubled would show up by now
            assertEquals(100, mid.size());
            assertEquals(100, out.size());
            assertEquals(100, out.stream().map(m -> seq(m.payload())).distinct().count());
            assertTrue(mid.stream().allMatch(m -> m.priority() == Priority.HIGH), "the lane set before Redis survives it");
        } finally {
            bus.close();
        }
    }
}
