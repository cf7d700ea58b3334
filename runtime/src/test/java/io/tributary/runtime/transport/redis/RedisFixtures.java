package io.tributary.runtime.transport.redis;

import io.tributary.schemas.InstrumentId;
import io.tributary.schemas.Price;
import io.tributary.schemas.Quantity;
import io.tributary.schemas.QuoteTick;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.tributary.api.Priority;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quotes numbered by their bid, a deadline wait and an end-to-end round trip, for the Redis tests. */
final class RedisFixtures {
    private RedisFixtures() {
    }

    static QuoteTick quote(long seq) {
        return QuoteTick.newBuilder()
                .setInstrument(new InstrumentId("BINANCE", "BTCUSDT"))
                .setBidPrice(new Price(seq, 2)).setAskPrice(new Price(seq + 1, 2))
                .setBidSize(new Quantity(10L, 0)).setAskSize(new Quantity(12L, 0))
                .setTsEvent(seq).setTsInit(seq)
                .build();
    }

    static long seq(Object record) {
        return ((QuoteTick) record).getBidPrice().getMantissa();
    }

    /** Polls {@code condition} until it holds or {@code timeout} passed; returns its last value. */
    static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return condition.getAsBoolean();
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Messages in {@code stream}: an entry carries one, or {@code n} (docs/redis.md). */
    static long messages(RedissonClient client, String stream) {
        long n = 0;
        for (Map<String, byte[]> fields : client.<String, byte[]>getStream(stream, RedisClients.ENTRY_CODEC)
                .range(StreamMessageId.MIN, StreamMessageId.MAX).values()) {
            byte[] count = fields.get("n");
            n += count == null ? 1 : Long.parseLong(new String(count, StandardCharsets.US_ASCII));
        }
        return n;
    }

    /**
     * Holds every write command for {@code millis} ({@code CLIENT PAUSE … WRITE}): a publisher's first
     * batch waits on the server and what is published meanwhile queues, so its next batch packs entries.
     */
    static void pauseWrites(LocalRedisServer server, long millis) throws IOException, InterruptedException {
        redisCli(server.port(), "CLIENT", "PAUSE", String.valueOf(millis), "WRITE");
    }

    /** {@code redis-cli -p PORT args…}: its output; fails the test on a non-zero exit. */
    static String redisCli(int port, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("redis-cli", "-p", String.valueOf(port)));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "redis-cli did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    static long xlen(RedissonClient client, String stream) {
        return client.getStream(stream, RedisClients.ENTRY_CODEC).size();
    }

    /**
     * Publishes {@code n} quotes on {@code topic} across all lanes with {@code settings} and checks that
     * a consumer with the same settings handles each exactly once, with no failed Redis call on either side.
     */
    static void roundTrip(RedisSettings settings, String topic, int n, Duration timeout) throws InterruptedException {
        RedisLanes lanes = new RedisLanes(settings);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger twice = new AtomicInteger();
        Priority[] all = Priority.values();
        try (RedisLanePublisher publisher = lanes.publisher();
             RedisLaneConsumer consumer = lanes.consumer(List.of(topic), false, (t, k, r, lane, id) -> {
                 if (!seen.add(seq(r))) {
                     twice.incrementAndGet();
                 }
                 return true;
             }, null).start()) {
            for (int i = 0; i < n; i++) {
                assertTrue(publisher.publish(topic, "k" + (i % 7), quote(i), all[i % all.length]), "refused " + i);
            }
            assertTrue(publisher.flush(timeout), "not flushed to " + settings.address());
            assertTrue(await(timeout, () -> seen.size() == n), "handled " + seen.size() + " of " + n + " over "
                    + settings.address() + " (consumer failures " + consumer.failures() + ")");
            assertEquals(0, twice.get(), "handled twice");
            assertEquals(0, publisher.failures(), "failed publisher calls");
            assertEquals(0, consumer.failures(), "failed consumer calls");
        }
    }
}
