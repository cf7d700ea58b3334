package io.tributary.runtime.transport.redis;

import io.tributary.api.DeadLetter;
import io.tributary.api.Envelope;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.transport.DecodingIngress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.tributary.runtime.transport.redis.RedisFixtures.await;
import static io.tributary.runtime.transport.redis.RedisFixtures.quote;
import static io.tributary.runtime.transport.redis.RedisFixtures.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consumer groups over a real redis-server: claims from a dead consumer, priority order, dead letters. */
class RedisConsumerGroupIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private LocalRedisServer server;

    @BeforeEach
    void start() {
        server = LocalRedisServer.start(LocalRedisServer.Options.defaults());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pendingEntriesOfAKilledConsumerAreClaimedByAnother() throws Exception {
        int n = 2_000;
        int readCount = 50;
        RedisLanes lanes = new RedisLanes(RedisSettings.defaults(server.address(), "claims")
                .withClaimIdle(Duration.ofMillis(300)).withReadCount(readCount));
        try (RedisLanePublisher publisher = lanes.publisher()) {
            for (int i = 0; i < n; i++) {
                assertTrue(publisher.publish("q", null, quote(i), Priority.NORMAL));
            }
            assertTrue(publisher.flush(WAIT));
        }
        Set<Long> byA = ConcurrentHashMap.newKeySet();
        AtomicReference<RedisLaneConsumer> a = new AtomicReference<>();
        CountDownLatch aDied = new CountDownLatch(1);
        RedisLaneConsumer consumerA = lanes.consumer(List.of("q"), false, (t, k, r, lane, id) -> {
            if (byA.size() == 700) {
                // the process dies here: its client goes away with this batch unacknowledged
                a.get().client().shutdown();
                aDied.countDown();
                return false;
            }
            byA.add(seq(r));
            return true;
        }, null);
        a.set(consumerA);
        consumerA.start();
        assertTrue(aDied.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS), "consumer A never reached 700");

        Set<Long> byB = ConcurrentHashMap.newKeySet();
        AtomicInteger bSawTwice = new AtomicInteger();
        try (RedisLaneConsumer b = lanes.consumer(List.of("q"), false, (t, k, r, lane, id) -> {
            if (!byB.add(seq(r))) {
                bSawTwice.incrementAndGet();
            }
            return true;
        }, null).start()) {
            assertTrue(await(WAIT, () -> union(byA, byB).size() == n),
                    "handled " + union(byA, byB).size() + " of " + n + " (A " + byA.size() + ", B " + byB.size() + ")");
            assertTrue(b.claimed() > 0, "B claimed nothing from A");
            assertEquals(0, bSawTwice.get(), "B's handler saw an id twice");
            // at-least-once: what A handled in its last, unacknowledged read comes back once more, no more
            Set<Long> both = new java.util.HashSet<>(byA);
            both.retainAll(byB);
            assertTrue(both.size() < readCount, "redelivered to B after A's death: " + both.size());
            RedissonClient c = lanes.connect();
            try {
                assertTrue(await(WAIT, () -> c.getStream("claims.q.normal", RedisClients.ENTRY_CODEC)
                        .getPendingInfo("claims").getTotal() == 0), "entries still pending");
            } finally {
                c.shutdown();
            }
        } finally {
            consumerA.close();
        }
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    @Test
    void criticalBacklogIsHandledBeforeLowAndLowStillGetsItsShare() throws Exception {
        // one message per entry: a read of 50 entries is the 50 CRITICAL messages whatever the publisher's
        // timing (packed, RedisPackedEntriesIT.aCriticalBacklogInPackedEntriesIsHandledBeforeLow)
        RedisLanes lanes = new RedisLanes(RedisSettings.defaults(server.address(), "prio").withReadCount(50)
                .withMessagesPerEntry(1));
        try (RedisLanePublisher publisher = lanes.publisher()) {
            for (int i = 0; i < 2_000; i++) {
                publisher.publish("q", null, quote(i), Priority.LOW);
            }
            for (int i = 0; i < 50; i++) {
                publisher.publish("q", null, quote(100_000 + i), Priority.CRITICAL);
            }
            assertTrue(publisher.flush(WAIT));
        }
        List<Priority> order = new CopyOnWriteArrayList<>();
        try (RedisLaneConsumer c = lanes.consumer(List.of("q"), false, (t, k, r, lane, id) -> order.add(lane), null).start()) {
            assertTrue(await(WAIT, () -> order.size() == 2_050), "handled " + order.size());
        }
        int lastCritical = order.lastIndexOf(Priority.CRITICAL);
        assertTrue(lastCritical < 50, "last CRITICAL handled at " + lastCritical + " behind the LOW backlog");

        // LOW's share: with CRITICAL always busy, LOW is still read once its max wait passed
        Map<Priority, Duration> noWait = new java.util.EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            noWait.put(p, Duration.ZERO);
        }
        RedisLanes share = new RedisLanes(RedisSettings.defaults(server.address(), "share").withReadCount(50).withMaxWait(noWait));
        try (RedisLanePublisher publisher = share.publisher()) {
            for (int i = 0; i < 5_000; i++) {
                publisher.publish("q", null, quote(i), Priority.CRITICAL);
            }
            for (int i = 0; i < 200; i++) {
                publisher.publish("q", null, quote(100_000 + i), Priority.LOW);
            }
            assertTrue(publisher.flush(WAIT));
        }
        List<Priority> mixed = new CopyOnWriteArrayList<>();
        try (RedisLaneConsumer c = share.consumer(List.of("q"), false, (t, k, r, lane, id) -> mixed.add(lane), null).start()) {
            assertTrue(await(WAIT, () -> mixed.size() == 5_200), "handled " + mixed.size());
        }
        int firstLow = mixed.indexOf(Priority.LOW);
        int lastLow = mixed.lastIndexOf(Priority.LOW);
        int lastCrit = mixed.lastIndexOf(Priority.CRITICAL);
        assertTrue(firstLow <= 50, "first LOW at " + firstLow + ": starved behind CRITICAL");
        assertTrue(lastLow < lastCrit, "all LOW (" + lastLow + ") came after the CRITICAL backlog (" + lastCrit + ")");
    }

    @Test
    void malformedEntriesAreDeadLetteredAndConsumptionGoesOn() throws Exception {
        RedisLanes lanes = new RedisLanes(RedisSettings.defaults(server.address(), "dlq"));
        LocalMessageBus bus = LocalMessageBus.withDefaults();
        List<Envelope<Object>> deadLetters = new CopyOnWriteArrayList<>();
        bus.subscribe(bus.deadLetterTopic(), (Envelope<Object> m) -> deadLetters.add(m.copy()), SubscribeOptions.inline());
        Set<Long> handled = Collections.newSetFromMap(new ConcurrentHashMap<>());
        try (RedisLanePublisher publisher = lanes.publisher();
             RedisLaneConsumer c = lanes.consumer(List.of("q"), false, (t, k, r, lane, id) -> handled.add(seq(r)), bus).start()) {
            for (int i = 0; i < 100; i++) {
                publisher.publish("q", "k", quote(i), Priority.HIGH);
                if (i == 50) {
                    publisher.publishBytes("q", "k", "this is not avro at all".getBytes(StandardCharsets.UTF_8), Priority.HIGH);
                }
            }
            assertTrue(publisher.flush(WAIT));
            assertTrue(await(WAIT, () -> handled.size() == 100 && !deadLetters.isEmpty()),
                    "handled " + handled.size() + ", dead letters " + deadLetters.size());
            assertEquals(1, c.deadLettered());
            DeadLetter dl = (DeadLetter) deadLetters.get(0).payload();
            assertEquals("BAD_MAGIC", deadLetters.get(0).headers().get(DecodingIngress.DECODE_REASON));
            assertEquals("q", dl.message().topic());
            assertEquals(Priority.HIGH, dl.message().priority());
            assertTrue(dl.subscriber().startsWith("redis:dlq-"), dl.subscriber());
            RedissonClient client = lanes.connect();
            try {
                Map<StreamMessageId, Map<String, byte[]>> dlq = client.<String, byte[]>getStream("dlq.dlq", RedisClients.ENTRY_CODEC)
                        .range(StreamMessageId.MIN, StreamMessageId.MAX);
                assertEquals(1, dlq.size());
                Map<String, byte[]> entry = new ArrayList<>(dlq.values()).get(0);
                assertEquals("BAD_MAGIC", new String(entry.get("reason"), StandardCharsets.UTF_8));
                assertTrue(new String(entry.get("source"), StandardCharsets.UTF_8).startsWith("dlq.q.high@"));
                assertEquals("this is not avro at all", new String(entry.get("payload"), StandardCharsets.UTF_8));
            } finally {
                client.shutdown();
            }
        } finally {
            bus.close();
        }
    }
}
