package io.tributary.runtime.transport.redis;

import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.api.RedissonClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tributary.runtime.transport.redis.RedisFixtures.await;
import static io.tributary.runtime.transport.redis.RedisFixtures.quote;
import static io.tributary.runtime.transport.redis.RedisFixtures.seq;
import static io.tributary.runtime.transport.redis.RedisFixtures.messages;
import static io.tributary.runtime.transport.redis.RedisFixtures.xlen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** redis-server killed and restarted, passwords, trimming, bounded buffering: each on its own server. */
class RedisServerFailureIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void serverKilledAndRestartedMidStreamLosesNothingAndDeliversNoDuplicate(@TempDir Path data) throws Exception {
        int n = 3_000;
        try (LocalRedisServer server = LocalRedisServer.start(LocalRedisServer.Options.defaults().withAppendOnly(data))) {
            RedisLanes lanes = new RedisLanes(RedisSettings.defaults(server.address(), "restart")
                    .withClaimIdle(Duration.ofMillis(500)).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
            Map<Long, AtomicInteger> seen = new ConcurrentHashMap<>();
            try (RedisLanePublisher publisher = lanes.publisher();
                 RedisLaneConsumer consumer = lanes.consumer(List.of("q"), false, (t, k, r, lane, id) -> {
                     seen.computeIfAbsent(seq(r), s -> new AtomicInteger()).incrementAndGet();
                     return true;
                 }, null).start()) {
                assertTrue(consumer.awaitReady(WAIT));
                for (int i = 0; i < n / 2; i++) {
                    assertTrue(publisher.publish("q", null, quote(i), Priority.NORMAL));
                }
                assertTrue(await(WAIT, () -> seen.size() > n / 4), "nothing handled before the kill");
                server.kill();
                for (int i = n / 2; i < n / 2 + 100; i++) {
                    assertTrue(publisher.publish("q", null, quote(i), Priority.NORMAL));
                }
                assertTrue(await(WAIT, () -> !publisher.connected()), "publisher did not notice the dead server");
                server.restart();
                for (int i = n / 2 + 100; i < n; i++) {
                    assertTrue(publisher.publish("q", null, quote(i), Priority.NORMAL));
                }
                assertTrue(publisher.flush(WAIT), "buffer not drained after the restart");
                assertTrue(publisher.connected());
                assertTrue(await(WAIT, () -> seen.size() == n), "handled " + seen.size() + " of " + n);
                assertTrue(await(WAIT, consumer::connected));
                for (Map.Entry<Long, AtomicInteger> e : seen.entrySet()) {
                    assertEquals(1, e.getValue().get(), "message " + e.getKey() + " handled more than once");
                }
                assertEquals(0, publisher.dropped() + publisher.refused());
            }
        }
    }

    @Test
    void requirepassIsHonoured() throws Exception {
        try (LocalRedisServer server = LocalRedisServer.start(LocalRedisServer.Options.defaults().withPassword("s3cret"))) {
            RedisSettings none = RedisSettings.defaults(server.address(), "auth");
            IllegalStateException missing = assertThrows(IllegalStateException.class, () -> RedisClients.connect(none));
            assertTrue(missing.getMessage().contains(server.address()) && missing.getMessage().contains("'default'"),
                    missing.getMessage());
            IllegalStateException wrong = assertThrows(IllegalStateException.class,
                    () -> RedisClients.connect(none.withLogin(null, "guess")));
            assertTrue(wrong.getMessage().contains(server.address()), wrong.getMessage());
            assertTrue(wrong.getMessage().toUpperCase().contains("WRONGPASS") || wrong.getMessage().contains("invalid"),
                    wrong.getMessage());

            RedisLanes lanes = new RedisLanes(none.withLogin(null, "s3cret"));
            ConcurrentHashMap<Long, Boolean> seen = new ConcurrentHashMap<>();
            try (RedisLanePublisher publisher = lanes.publisher();
                 RedisLaneConsumer c = lanes.consumer(List.of("q"), false,
                         (t, k, r, lane, id) -> seen.put(seq(r), true) == null, null).start()) {
                for (int i = 0; i < 10; i++) {
                    publisher.publish("q", null, quote(i), Priority.HIGH);
                }
                assertTrue(await(WAIT, () -> seen.size() == 10), "handled " + seen.size());
            }
        }
    }

    @Test
    void trimmingKeepsStreamsBoundedByLengthAndByAge() throws Exception {
        try (LocalRedisServer server = LocalRedisServer.start(LocalRedisServer.Options.defaults())) {
            RedisLanes lanes = new RedisLanes(RedisSettings.defaults(server.address(), "trim").withTrim(1_000, Duration.ZERO));
            RedissonClient client = lanes.connect();
            try (RedisLanePublisher publisher = lanes.publisher()) {
                for (int i = 0; i < 20_000; i++) {
                    publisher.publish("q", null, quote(i), Priority.NORMAL);
                }
                assertTrue(publisher.flush(WAIT));
                long len = xlen(client, "trim.q.normal");
                // MAXLEN ~ counts entries and removes whole radix-tree nodes (stream-node-max-entries = 100)
                assertTrue(len >= 1_000 && len <= 1_000 + 100, "XLEN " + len);
                // the bound is in entries: with messages sharing entries the stream holds more messages
                long kept = messages(client, "trim.q.normal");
                assertTrue(kept >= len && kept <= len * lanes.settings().messagesPerEntry(), "messages " + kept);

                // by age: everything written before the cut goes, what came after stays
                for (int i = 0; i < 1_000; i++) {
                    publisher.publish("q", null, quote(i), Priority.LOW);
                }
                assertTrue(publisher.flush(WAIT));
                long cut = System.currentTimeMillis() + 2;
                while (System.currentTimeMillis() <= cut) {
                    Thread.onSpinWait();
                }
                long entriesBefore = publisher.entries();
                for (int i = 0; i < 500; i++) {
                    publisher.publish("q", null, quote(i), Priority.LOW);
                }
                assertTrue(publisher.flush(WAIT));
                long after = publisher.entries() - entriesBefore;
                publisher.trimByAge(cut);
                long low = xlen(client, "trim.q.low");
                assertTrue(low >= after && low <= after + 100, "XLEN after trim by age " + low + ", " + after + " written after the cut");
                assertTrue(messages(client, "trim.q.low") >= 500, "messages after trim by age " + messages(client, "trim.q.low"));
            } finally {
                client.shutdown();
            }

            // the publisher trims by age by itself while idle
            RedisLanes aged = new RedisLanes(RedisSettings.defaults(server.address(), "aged").withTrim(1_000_000, Duration.ofMillis(200)));
            try (RedisLanePublisher publisher = aged.publisher()) {
                RedissonClient c = aged.connect();
                try {
                    for (int i = 0; i < 1_000; i++) {
                        publisher.publish("q", null, quote(i), Priority.NORMAL);
                    }
                    assertTrue(publisher.flush(WAIT));
                    assertEquals(1_000, messages(c, "aged.q.normal"));
                    // what stays is the last radix-tree node (at most 100 entries or 4 KB of them)
                    assertTrue(await(WAIT, () -> messages(c, "aged.q.normal") < 100), "messages " + messages(c, "aged.q.normal"));
                } finally {
                    c.shutdown();
                }
            }
        }
    }

    @Test
    void withRedisAwayTheBufferIsBoundedAndLanePoliciesApply() throws Exception {
        try (LocalRedisServer server = LocalRedisServer.start(LocalRedisServer.Options.defaults())) {
            Map<Priority, OverflowPolicy> policies = new EnumMap<>(Priority.class);
            policies.put(Priority.CRITICAL, OverflowPolicy.BLOCK);
            policies.put(Priority.HIGH, OverflowPolicy.BLOCK);
            policies.put(Priority.NORMAL, OverflowPolicy.REJECT);
            policies.put(Priority.LOW, OverflowPolicy.DROP_OLDEST);
            RedisLanes lanes = new RedisLanes(RedisSettings.defaults(server.address(), "buffer")
                    .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500))
                    .withBatch(16, Duration.ofMillis(1))
                    .withBuffer(16, Duration.ofMillis(50), policies));
            try (RedisLanePublisher publisher = lanes.publisher()) {
                publisher.publish("q", null, quote(0), Priority.NORMAL);
                assertTrue(publisher.flush(WAIT));
                server.kill();
                publisher.publish("q", null, quote(1), Priority.NORMAL);
                assertTrue(await(WAIT, () -> !publisher.connected()), "not marked unhealthy");
                for (int i = 0; i < 100; i++) {
                    publisher.publish("q", null, quote(i), Priority.LOW);
                    publisher.publish("q", null, quote(i), Priority.NORMAL);
                }
                assertFalse(publisher.publish("q", null, quote(-1), Priority.HIGH) && publisher.buffered() > 16 * 4,
                        "buffer grew past its bound: " + publisher.buffered());
                assertTrue(publisher.dropped() >= 100 - 16, "LOW dropped " + publisher.dropped());
                assertTrue(publisher.refused() >= 100 - 16, "NORMAL refused " + publisher.refused());
                assertTrue(publisher.buffered() <= 4 * 16, "buffered " + publisher.buffered());
                server.restart();
                assertTrue(publisher.flush(WAIT), "not drained after the restart");
                assertTrue(publisher.connected());
            }
        }
    }
}
