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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.tributary.runtime.transport.redis.RedisFixtures.await;
import static io.tributary.runtime.transport.redis.RedisFixtures.pauseWrites;
import static io.tributary.runtime.transport.redis.RedisFixtures.quote;
import static io.tributary.runtime.transport.redis.RedisFixtures.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages sharing a stream entry (docs/decisions/0051): the shapes written, and that a bad payload, a
 * refusal or a consumer's death inside an entry loses nothing and shows no handler a message twice.
 * Packing is forced by holding the server's writes for a moment ({@code CLIENT PAUSE}) while publishing.
 */
class RedisPackedEntriesIT {
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

    /** One entry of the stream: its id, first message id, message count and fields. */
    private record Entry(StreamMessageId entryId, long firstId, int n, Map<String, byte[]> fields) {
    }

    private List<Entry> entries(RedisLanes lanes, String stream) {
        RedissonClient c = lanes.connect();
        try {
            List<Entry> out = new ArrayList<>();
            c.<String, byte[]>getStream(stream, RedisClients.ENTRY_CODEC).range(StreamMessageId.MIN, StreamMessageId.MAX)
                    .forEach((id, f) -> out.add(new Entry(id, Long.parseLong(ascii(f.get("id"))),
                            f.get("n") == null ? 1 : Integer.parseInt(ascii(f.get("n"))), f)));
            return out;
        } finally {
            c.shutdown();
        }
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    /** Publishes {@code n} quotes 0..n-1 while the server holds writes: all but the first batch are packed. */
    private void publishPacked(RedisLanePublisher publisher, int n, String key, Priority lane) throws Exception {
        pauseWrites(server, 1_000);
        for (int i = 0; i < n; i++) {
            assertTrue(publisher.publish("q", key, quote(i), lane));
        }
        assertTrue(publisher.flush(WAIT));
    }

    @Test
    void queuedMessagesShareEntriesUpToTheLimitAndALoneOneKeepsThePlainShape() throws Exception {
        RedisLanes lanes = new RedisLanes(RedisSettings.defaults(server.address(), "shape").withMessagesPerEntry(8));
        try (RedisLanePublisher publisher = lanes.publisher()) {
            publishPacked(publisher, 100, "k", Priority.NORMAL);
            assertTrue(publisher.publish("q", null, quote(100), Priority.NORMAL));   // alone: nothing else queued
            assertTrue(publisher.flush(WAIT));
            assertEquals(101, publisher.sent());
        }
        List<Entry> entries = entries(lanes, "shape.q.normal");
        long expectedId = entries.get(0).firstId();
        int seqNo = 0;
        int packed = 0;
        for (Entry e : entries) {
            assertTrue(e.n() >= 1 && e.n() <= 8, "n = " + e.n());
            assertEquals(expectedId, e.firstId(), "ids run on from entry to entry");
            if (e.n() == 1) {
                Set<String> plain = seqNo < 100 ? Set.of("id", "key", "payload") : Set.of("id", "payload");
                assertEquals(plain, e.fields().keySet(), "a lone message keeps the plain shape");
            } else {
                packed++;
                assertEquals(2 + 2 * e.n(), e.fields().size(), e.fields().keySet().toString());
                assertNull(e.fields().get("payload"), "a packed entry has no unnumbered payload");
                for (int i = 0; i < e.n(); i++) {
                    assertEquals("k", ascii(e.fields().get("key." + i)));
                    assertTrue(e.fields().containsKey("payload." + i), "payload." + i);
                }
            }
            expectedId += e.n();
            seqNo += e.n();
        }
        assertEquals(101, seqNo, "every message, once");
        assertTrue(packed >= 10, "only " + packed + " packed entries of 8 for 100 queued messages");

        // messagesPerEntry = 1: one entry per message even when they queue
        RedisLanes unpacked = new RedisLanes(RedisSettings.defaults(server.address(), "one").withMessagesPerEntry(1));
        try (RedisLanePublisher publisher = unpacked.publisher()) {
            publishPacked(publisher, 50, null, Priority.NORMAL);
            assertEquals(50, publisher.entries());
        }
        for (Entry e : entries(unpacked, "one.q.normal")) {
            assertEquals(Set.of("id", "payload"), e.fields().keySet());
        }
    }

    @Test
    void anUndecodablePayloadInsideAPackedEntryIsTheOnlyDeadLetter() throws Exception {
        RedisLanes lanes = new RedisLanes(RedisSettings.defaults(server.address(), "dlq"));
        byte[] bad = "this is not avro at all".getBytes(StandardCharsets.UTF_8);
        try (RedisLanePublisher publisher = lanes.publisher()) {
            pauseWrites(server, 1_000);
            for (int i = 0; i < 30; i++) {
                publisher.publish("q", "k", quote(i), Priority.HIGH);
                if (i == 20) {
                    publisher.publishBytes("q", "k", bad, Priority.HIGH);
                }
            }
            assertTrue(publisher.flush(WAIT));
        }
        Entry withBad = null;
        int badIndex = -1;
        for (Entry e : entries(lanes, "dlq.q.high")) {
            for (int i = 0; i < e.n() && e.n() > 1; i++) {
                if (java.util.Arrays.equals(bad, e.fields().get("payload." + i))) {
                    withBad = e;
                    badIndex = i;
                }
            }
        }
        assertTrue(withBad != null, "the bad payload is not inside a packed entry");

        LocalMessageBus bus = LocalMessageBus.withDefaults();
        List<Envelope<Object>> deadLetters = new CopyOnWriteArrayList<>();
        bus.subscribe(bus.deadLetterTopic(), (Envelope<Object> m) -> deadLetters.add(m.copy()), SubscribeOptions.inline());
        Map<Long, AtomicInteger> handled = new ConcurrentHashMap<>();
        try (RedisLaneConsumer c = lanes.consumer(List.of("q"), false, (t, k, r, lane, id) -> {
            handled.computeIfAbsent(seq(r), s -> new AtomicInteger()).incrementAndGet();
            return true;
        }, bus).start()) {
            assertTrue(await(WAIT, () -> handled.size() == 30 && deadLetters.size() == 1),
                    "handled " + handled.size() + ", dead letters " + deadLetters.size());
            assertEquals(1, c.deadLettered());
            assertTrue(handled.values().stream().allMatch(n -> n.get() == 1), "a quote handled twice: " + handled);
            assertEquals("BAD_MAGIC", deadLetters.get(0).headers().get(DecodingIngress.DECODE_REASON));
            assertEquals("q", ((DeadLetter) deadLetters.get(0).payload()).message().topic());
            RedissonClient client = lanes.connect();
            try {
                Map<String, byte[]> dl = new ArrayList<>(client.<String, byte[]>getStream("dlq.dlq", RedisClients.ENTRY_CODEC)
                        .range(StreamMessageId.MIN, StreamMessageId.MAX).values()).get(0);
                assertEquals("dlq.q.high@" + withBad.entryId() + "#" + badIndex, ascii(dl.get("source")));
                assertEquals("this is not avro at all", ascii(dl.get("payload")));
                // the entry with the bad payload was acknowledged with the others
                assertTrue(await(WAIT, () -> client.getStream("dlq.q.high", RedisClients.ENTRY_CODEC)
                        .getPendingInfo("dlq").getTotal() == 0), "entries still pending");
            } finally {
                client.shutdown();
            }
        } finally {
            bus.close();
        }
    }

    @Test
    void aRefusalInsideAPackedEntryLosesNothingAndShowsNothingTwice() throws Exception {
        RedisLanes lanes = new RedisLanes(RedisSettings.defaults(server.address(), "refuse")
                .withClaimIdle(Duration.ofMillis(300)));
        int n = 200;
        try (RedisLanePublisher publisher = lanes.publisher()) {
            publishPacked(publisher, n, null, Priority.NORMAL);
        }
        // refuse, once, the sixth message of the first full entry: five before it were handled, ten after it wait
        Entry target = entries(lanes, "refuse.q.normal").stream().filter(e -> e.n() == 16).findFirst().orElseThrow();
        long refusedId = target.firstId() + 5;
        AtomicBoolean refusedOnce = new AtomicBoolean();
        Map<Long, AtomicInteger> seen = new ConcurrentHashMap<>();
        try (RedisLaneConsumer c = lanes.consumer(List.of("q"), false, (t, k, r, lane, id) -> {
            if (id == refusedId && refusedOnce.compareAndSet(false, true)) {
                return false;
            }
            seen.computeIfAbsent(id, s -> new AtomicInteger()).incrementAndGet();
            return true;
        }, null).start()) {
            assertTrue(await(WAIT, () -> seen.size() == n), "handled " + seen.size() + " of " + n);
            assertEquals(1, c.refusals());
            assertTrue(seen.values().stream().allMatch(x -> x.get() == 1), "a message handled twice");
            assertTrue(c.duplicates() >= 5, "the entry came back: its first five were dropped by id, " + c.duplicates());
            RedissonClient client = lanes.connect();
            try {
                assertTrue(await(WAIT, () -> client.getStream("refuse.q.normal", RedisClients.ENTRY_CODEC)
                        .getPendingInfo("refuse").getTotal() == 0), "entries still pending");
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void aConsumerKilledInsideAPackedEntryLeavesTheRestToTheClaimerWithoutDuplicates() throws Exception {
        int n = 2_000;
        int readCount = 48;   // 3 entries of 16 per read
        RedisLanes lanes = new RedisLanes(RedisSettings.defaults(server.address(), "claims")
                .withClaimIdle(Duration.ofMillis(300)).withReadCount(readCount));
        try (RedisLanePublisher publisher = lanes.publisher()) {
            publishPacked(publisher, n, null, Priority.NORMAL);
        }
        Map<Long, Integer> indexInEntry = new HashMap<>();
        Map<Long, Entry> entryOf = new HashMap<>();
        for (Entry e : entries(lanes, "claims.q.normal")) {
            for (int i = 0; i < e.n(); i++) {
                indexInEntry.put(e.firstId() + i, i);
                entryOf.put(e.firstId() + i, e);
            }
        }
        Set<Long> byA = ConcurrentHashMap.newKeySet();
        AtomicReference<RedisLaneConsumer> a = new AtomicReference<>();
        AtomicReference<Entry> diedIn = new AtomicReference<>();
        AtomicBoolean dead = new AtomicBoolean();
        CountDownLatch aDied = new CountDownLatch(1);
        RedisLaneConsumer consumerA = lanes.consumer(List.of("q"), false, (t, k, r, lane, id) -> {
            if (dead.get()) {
                return false;
            }
            if (byA.size() >= 700 && indexInEntry.get(id) == 5 && entryOf.get(id).n() == 16) {
                // the process dies here, five messages into a packed entry, nothing of its last read acknowledged
                dead.set(true);
                diedIn.set(entryOf.get(id));
                a.get().client().shutdown();
                aDied.countDown();
                return false;
            }
            byA.add(id);
            return true;
        }, null);
        a.set(consumerA);
        consumerA.start();
        try {
            assertTrue(aDied.await(WAIT.toSeconds(), TimeUnit.SECONDS), "consumer A never died mid-entry");
            Map<Long, AtomicInteger> byB = new ConcurrentHashMap<>();
            try (RedisLaneConsumer b = lanes.consumer(List.of("q"), false, (t, k, r, lane, id) -> {
                byB.computeIfAbsent(id, s -> new AtomicInteger()).incrementAndGet();
                return true;
            }, null).start()) {
                assertTrue(await(WAIT, () -> union(byA, byB.keySet()).size() == n),
                        "handled " + union(byA, byB.keySet()).size() + " of " + n);
                assertTrue(b.claimed() > 0, "B claimed nothing from A");
                assertTrue(byB.values().stream().allMatch(x -> x.get() == 1), "B's handler saw a message twice");
                Entry died = diedIn.get();
                for (int i = 5; i < died.n(); i++) {
                    assertTrue(byB.containsKey(died.firstId() + i), "message " + i + " of the entry A died in");
                    assertFalse(byA.contains(died.firstId() + i), "A handled message " + i + " after its death");
                }
                // at-least-once across a crash: what A handled of its last, unacknowledged read comes back once more
                Set<Long> both = new HashSet<>(byA);
                both.retainAll(byB.keySet());
                assertTrue(both.size() < readCount, "redelivered to B after A's death: " + both.size());
                RedissonClient c = lanes.connect();
                try {
                    assertTrue(await(WAIT, () -> c.getStream("claims.q.normal", RedisClients.ENTRY_CODEC)
                            .getPendingInfo("claims").getTotal() == 0), "entries still pending");
                } finally {
                    c.shutdown();
                }
            }
        } finally {
            consumerA.close();
        }
    }

    @Test
    void aCriticalBacklogInPackedEntriesIsHandledBeforeLow() throws Exception {
        int readCount = 48;   // 3 entries of 16 per read
        RedisLanes lanes = new RedisLanes(RedisSettings.defaults(server.address(), "prio").withReadCount(readCount));
        try (RedisLanePublisher publisher = lanes.publisher()) {
            pauseWrites(server, 1_000);
            for (int i = 0; i < 2_000; i++) {
                publisher.publish("q", null, quote(i), Priority.LOW);
            }
            for (int i = 0; i < readCount; i++) {
                publisher.publish("q", null, quote(100_000 + i), Priority.CRITICAL);
            }
            assertTrue(publisher.flush(WAIT));
            assertTrue(publisher.entries() < 2_048 / 8, "not packed: " + publisher.entries() + " entries");
        }
        List<Priority> order = new CopyOnWriteArrayList<>();
        try (RedisLaneConsumer c = lanes.consumer(List.of("q"), false, (t, k, r, lane, id) -> order.add(lane), null).start()) {
            assertTrue(await(WAIT, () -> order.size() == 2_048), "handled " + order.size());
        }
        int lastCritical = order.lastIndexOf(Priority.CRITICAL);
        assertTrue(lastCritical < readCount, "last CRITICAL handled at " + lastCritical + " behind the LOW backlog");
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
