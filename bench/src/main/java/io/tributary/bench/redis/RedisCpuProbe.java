package io.tributary.bench.redis;

import io.tributary.api.Priority;
import io.tributary.runtime.transport.redis.LocalRedisServer;
import io.tributary.runtime.transport.redis.RedisLaneConsumer;
import io.tributary.runtime.transport.redis.RedisLanePublisher;
import io.tributary.runtime.transport.redis.RedisLanes;
import io.tributary.runtime.transport.redis.RedisSettings;
import io.tributary.schemas.QuoteTick;
import org.redisson.api.RedissonClient;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the CPU of R1 goes, robust to a busy machine: CPU time of this JVM and of {@code redis-server}
 * ({@code INFO cpu}) per message, allocation per message, GC count and time, over rounds of the R1
 * pipeline. Not part of the suite: run it to compare a change,
 * {@code java -cp bench/target/tributary-bench.jar:bench/target/lib/* io.tributary.bench.redis.RedisCpuProbe
 * [messages] [rounds] [messagesPerEntry]}.
 */
public final class RedisCpuProbe {
    private static final Pattern CPU = Pattern.compile("used_cpu_(?:sys|user):([0-9.]+)");

    private RedisCpuProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("paced")) {
            paced(args);
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int perEntry = args.length > 2 ? Integer.parseInt(args[2]) : RedisSettings.defaults("redis://x:1", "x").messagesPerEntry();
        QuoteTick quote = RedisSuite.quoteOfSize(100);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (LocalRedisServer server = LocalRedisServer.start(LocalRedisServer.Options.defaults())) {
            RedissonClient info = new RedisLanes(RedisSettings.defaults(server.address(), "probe")).connect();
            try {
                for (int r = 0; r <= rounds; r++) {
                    RedisLanes lanes = new RedisLanes(RedisSettings.defaults(server.address(), "probe" + r)
                            .withBatch(1_000, Duration.ofMillis(1)).withReadCount(1_000).withMessagesPerEntry(perEntry));
                    LongAdder handled = new LongAdder();
                    try (RedisLanePublisher publisher = lanes.publisher();
                         RedisLaneConsumer consumer = lanes.consumer(List.of("quotes"), false, (t, k, rec, lane, id) -> {
                             handled.increment();
                             return true;
                         }, null).start()) {
                        consumer.awaitReady(Duration.ofSeconds(30));
                        int count = r == 0 ? n / 5 : n;
                        double redis0 = redisCpu(info);
                        long jvm0 = os.getProcessCpuTime();
                        long alloc0 = threads.getTotalThreadAllocatedBytes();
                        long[] gc0 = gc();
                        long t0 = System.nanoTime();
                        for (int i = 0; i < count; i++) {
                            publisher.publish("quotes", null, quote, Priority.NORMAL);
                        }
                        while (handled.sum() < count) {
                            Thread.sleep(1);
                        }
                        long wall = System.nanoTime() - t0;
                        long[] gc1 = gc();
                        System.out.printf("%s round %d: %,.0f msg/s, JVM %.2f us/msg, redis %.2f us/msg, %,.0f B/msg, "
                                        + "%d GCs %d ms, entries %d (%.1f msg/entry)%n",
                                r == 0 ? "warm-up" : "", r, count / (wall / 1e9),
                                (os.getProcessCpuTime() - jvm0) / 1e3 / count, (redisCpu(info) - redis0) * 1e6 / count,
                                (threads.getTotalThreadAllocatedBytes() - alloc0) / (double) count, gc1[0] - gc0[0],
                                gc1[1] - gc0[1], publisher.entries(), count / (double) publisher.entries());
                    }
                }
            } finally {
                info.shutdown();
            }
        }
    }

    /** {@code paced [rate] [seconds] [rounds]}: R4 alone, with the pacer's lateness and the GCs of each round. */
    private static void paced(String[] args) throws Exception {
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        RedisSuite suite = new RedisSuite(true);
        try (LocalRedisServer server = LocalRedisServer.start(LocalRedisServer.Options.defaults())) {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            for (int r = 0; r < rounds; r++) {
                long alloc0 = threads.getTotalThreadAllocatedBytes();
                long cpu0 = os.getProcessCpuTime();
                RedisSuite.Paced p = suite.paced(server, rate, seconds);
                System.out.printf("round %d: %,.0f B/msg, JVM %.2f us/msg%n", r,
                        (threads.getTotalThreadAllocatedBytes() - alloc0) / (double) rate / seconds,
                        (os.getProcessCpuTime() - cpu0) / 1e3 / rate / seconds);
                System.out.printf("round %d: latency p50 %.3f p99 %.3f p99.9 %.3f max %.3f ms | send late p50 %.3f p99 %.3f "
                                + "max %.3f ms | %d GCs %d ms%n", r,
                        p.latency().getValueAtPercentile(50) / 1e6, p.latency().getValueAtPercentile(99) / 1e6,
                        p.latency().getValueAtPercentile(99.9) / 1e6, p.latency().getMaxValue() / 1e6,
                        p.sendLateness().getValueAtPercentile(50) / 1e6, p.sendLateness().getValueAtPercentile(99) / 1e6,
                        p.sendLateness().getMaxValue() / 1e6, p.gcCount(), p.gcMillis());
            }
        }
    }

    private static double redisCpu(RedissonClient client) {
        String s = client.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_ONLY,
                "return redis.call('INFO', 'cpu')", RScript.ReturnType.VALUE);
        Matcher m = CPU.matcher(s);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    private static long[] gc() {
        long count = 0;
        long time = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += b.getCollectionCount();
            time += b.getCollectionTime();
        }
        return new long[] {count, time};
    }
}
