package io.tributary.bench.redis;

import io.tributary.api.Priority;
import io.tributary.bench.JmhRunner;
import io.tributary.bench.report.SuiteReport;
import io.tributary.bench.report.WorkloadReport;
import io.tributary.runtime.transport.redis.LocalRedisServer;
import io.tributary.runtime.transport.redis.RedisClients;
import io.tributary.runtime.transport.redis.RedisLaneConsumer;
import io.tributary.runtime.transport.redis.RedisLanePublisher;
import io.tributary.runtime.transport.redis.RedisLanes;
import io.tributary.runtime.transport.redis.RedisSettings;
import io.tributary.schemas.InstrumentId;
import io.tributary.schemas.Price;
import io.tributary.schemas.Quantity;
import io.tributary.schemas.QuoteTick;
import io.tributary.schemas.serde.TributarySerde;
import org.HdrHistogram.Histogram;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamAddArgs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./tributary bench redis}: in one run, against one locally started {@code redis-server}:
 *
 * <ul>
 *   <li>R1 Tributary end to end: publish → batched, pipelined XADD → XREADGROUP → handler → XACK,
 *       until the last message was handled; 100-byte Avro quotes;</li>
 *   <li>R2 naive Redisson: one synchronous {@code RStream.add} per message (what most code does);</li>
 *   <li>R3 {@code redis-benchmark -c 1 -P 16 XADD} (one connection, pipeline 16, as Tributary's one
 *       publisher connection), and with its default 50 clients for information;</li>
 *   <li>R4 end-to-end latency at 50k msg/s offered, HdrHistogram, measured from each message's
 *       scheduled send time (coordinated omission corrected), every message of a 20 s window after a
 *       5 s warm-up at the same rate; the pacer wakes about every 100 us and sends what is due; its
 *       own lateness (scheduled time to publish call) and the window's GCs are reported beside.</li>
 * </ul>
 */
public final class RedisSuite {
    private static final int RECORD_BYTES = 100;
    private static final long PACER_NANOS = 100_000;
    private static final Pattern RPS = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) requests per second");

    private final boolean quick;
    private final AtomicInteger runs = new AtomicInteger();

    public RedisSuite(boolean quick) {
        this.quick = quick;
    }

    public int run(Path json) throws Exception {
        QuoteTick quote = quoteOfSize(RECORD_BYTES);
        SuiteReport report = new SuiteReport("redis" + (quick ? " --quick" : ""));
        try (LocalRedisServer server = LocalRedisServer.start(LocalRedisServer.Options.defaults())) {
            int n = quick ? 200_000 : 2_000_000;
            JmhRunner.progress("R1 Tributary end to end, " + n + " messages of " + RECORD_BYTES + " bytes");
            endToEnd(server, quote, n / 10);
            double trib = 0;
            for (int round = 0; round < (quick ? 1 : 3); round++) {
                trib = Math.max(trib, endToEnd(server, quote, n));
            }

            int naiveN = quick ? 20_000 : 200_000;
            JmhRunner.progress("R2 naive Redisson, " + naiveN + " synchronous XADDs");
            double naive = naive(server, quote, naiveN);

            int benchN = quick ? 200_000 : 2_000_000;
            JmhRunner.progress("R3 redis-benchmark -P 16 XADD, " + benchN + " requests");
            double pipelined1 = redisBenchmark(server, benchN, 1);
            double pipelined50 = redisBenchmark(server, benchN, 50);

            double vsNaive = trib / naive;
            double vsPipelined = trib / pipelined1;
            report.add(new WorkloadReport("R1", "end to end: publish -> XADD (batched) -> XREADGROUP -> handler -> XACK, 100-byte records")
                    .figure("tributary.msg_per_s", trib)
                    .figure("naive_redisson.msg_per_s", naive)
                    .figure("redis_benchmark_c1_p16.xadd_per_s", pipelined1)
                    .figure("redis_benchmark_c50_p16.xadd_per_s", pipelined50)
                    .vs("naive_redisson", vsNaive)
                    .vs("redis_benchmark_c1_p16", vsPipelined)
                    .target(">= 300k msg/s", trib, trib >= 300_000)
                    .target(">= 5x naive Redisson", vsNaive, vsNaive >= 5)
                    .target(">= 0.7x redis-benchmark -c 1 -P 16 XADD", vsPipelined, vsPipelined >= 0.7));

            int seconds = quick ? 2 : 20;
            JmhRunner.progress("R4 50k msg/s for " + seconds + " s after a warm-up, coordinated-omission corrected");
            // warm-up at the same rate, not recorded: R1 warmed the bulk path, not the paced one (small
            // batches, the blocked read, the publisher's idle start), whose JIT compiles would land in the window
            paced(server, 50_000, quick ? 1 : 5);
            Paced paced = paced(server, 50_000, seconds);
            Histogram h = paced.latency();
            double p99ms = h.getValueAtPercentile(99) / 1e6;
            report.add(new WorkloadReport("R4", "end-to-end latency at 50k msg/s offered (from scheduled send time)")
                    .figure("tributary.p50_ms", h.getValueAtPercentile(50) / 1e6)
                    .figure("tributary.p99_ms", p99ms)
                    .figure("tributary.p999_ms", h.getValueAtPercentile(99.9) / 1e6)
                    .figure("tributary.max_ms", h.getMaxValue() / 1e6)
                    .figure("pacer.send_late_p50_ms", paced.sendLateness().getValueAtPercentile(50) / 1e6)
                    .figure("pacer.send_late_p99_ms", paced.sendLateness().getValueAtPercentile(99) / 1e6)
                    .figure("pacer.send_late_max_ms", paced.sendLateness().getMaxValue() / 1e6)
                    .figure("gc.count", paced.gcCount())
                    .figure("gc.ms", paced.gcMillis())
                    .target("p99 <= 1 ms", p99ms, p99ms <= 1));
        }
        report.publish(json);
        return 0;
    }

    private RedisLanes lanes(LocalRedisServer server) {
        return new RedisLanes(RedisSettings.defaults(server.address(), "bench" + runs.incrementAndGet())
                .withBatch(1_000, Duration.ofMillis(1)).withReadCount(1_000));
    }

    /** Publishes {@code n} as fast as the publisher takes them; msg/s until the last was handled. */
    private double endToEnd(LocalRedisServer server, QuoteTick quote, int n) throws InterruptedException {
        RedisLanes lanes = lanes(server);
        LongAdder handled = new LongAdder();
        try (RedisLanePublisher publisher = lanes.publisher();
             RedisLaneConsumer consumer = lanes.consumer(List.of("quotes"), false, (t, k, r, lane, id) -> {
                 handled.increment();
                 return true;
             }, null).start()) {
            consumer.awaitReady(Duration.ofSeconds(30));
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                publisher.publish("quotes", null, quote, Priority.NORMAL);
            }
            awaitCount(handled, n, 300);
            return n / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static double naive(LocalRedisServer server, QuoteTick quote, int n) {
        RedissonClient client = RedisClients.connect(RedisSettings.defaults(server.address(), "naive"));
        try {
            byte[] payload = TributarySerde.get().encode(quote);
            RStream<String, byte[]> stream = client.getStream("naive.quotes", RedisClients.ENTRY_CODEC);
            for (int i = 0; i < n / 10; i++) {
                stream.add(StreamAddArgs.entry("payload", payload));
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                stream.add(StreamAddArgs.entry("payload", payload));
            }
            return n / ((System.nanoTime() - t0) / 1e9);
        } finally {
            client.shutdown();
        }
    }

    /** Runs {@code redis-benchmark} as a subprocess and parses its requests per second. */
    static double redisBenchmark(LocalRedisServer server, int n, int clients) throws IOException, InterruptedException {
        String value = "x".repeat(RECORD_BYTES);
        List<String> cmd = new ArrayList<>(List.of("redis-benchmark", "-h", "127.0.0.1", "-p", String.valueOf(server.port()),
                "-c", String.valueOf(clients), "-n", String.valueOf(n), "-P", "16", "-q",
                "XADD", "rb.quotes", "MAXLEN", "~", "1000000", "*", "payload", value));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-benchmark is not installed (apt-get install redis-tools): " + e.getMessage(), e);
        }
        String out = readAll(p.getInputStream());
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("redis-benchmark failed: " + out);
        }
        return parseRequestsPerSecond(out);
    }

    /** The last "N requests per second" in redis-benchmark -q output (progress lines come first). */
    static double parseRequestsPerSecond(String output) {
        Matcher m = RPS.matcher(output);
        double last = -1;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        if (last < 0) {
            throw new IllegalStateException("no 'requests per second' in redis-benchmark output: " + output);
        }
        return last;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toString(StandardCharsets.UTF_8);
    }

    /**
     * R4's measurement: {@code latency} from each message's scheduled send time to its handler (every
     * message); {@code sendLateness} from the scheduled time to the moment the pacer handed it to the
     * publisher (the harness's own share of the latency); the GCs in the window.
     */
    record Paced(Histogram latency, Histogram sendLateness, long gcCount, long gcMillis) {
    }

    /** A fixed schedule; each message carries its scheduled time, latency counts from it. */
    Paced paced(LocalRedisServer server, int rate, int seconds) throws InterruptedException {
        Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        Histogram late = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        int total = rate * seconds;
        long interval = 1_000_000_000L / rate;
        RedisLanes lanes = new RedisLanes(RedisSettings.defaults(server.address(), "paced" + runs.incrementAndGet()));
        LongAdder handled = new LongAdder();
        QuoteTick template = quoteOfSize(RECORD_BYTES);
        long[] gc0;
        try (RedisLanePublisher publisher = lanes.publisher();
             RedisLaneConsumer consumer = lanes.consumer(List.of("quotes"), false, (t, k, r, lane, id) -> {
                 long scheduled = ((QuoteTick) r).getTsInit();
                 synchronized (h) {
                     h.recordValue(Math.max(0, System.nanoTime() - scheduled));
                 }
                 handled.increment();
                 return true;
             }, null).start()) {
            consumer.awaitReady(Duration.ofSeconds(30));
            gc0 = gc();
            // every message is due at start + i * interval and stamped with that time; the pacer sleeps
            // about 100 us and then sends everything due by now, so it does not spin a core away from the
            // pipeline; a late send counts in the latency (coordinated omission corrected)
            long start = System.nanoTime() + 1_000_000;
            int i = 0;
            while (i < total) {
                long now = System.nanoTime();
                while (i < total && start + i * interval <= now) {
                    long due = start + i * interval;
                    template.setTsInit(due);
                    publisher.publish("quotes", null, template, Priority.NORMAL);
                    late.recordValue(Math.max(0, System.nanoTime() - due));
                    i++;
                }
                LockSupport.parkNanos(PACER_NANOS);
            }
            awaitCount(handled, total, 120);
        }
        long[] gc1 = gc();
        return new Paced(h, late, gc1[0] - gc0[0], gc1[1] - gc0[1]);
    }

    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (java.lang.management.GarbageCollectorMXBean b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            count += b.getCollectionCount();
            millis += b.getCollectionTime();
        }
        return new long[] {count, millis};
    }

    private static void awaitCount(LongAdder count, long n, int timeoutSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (count.sum() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + count.sum() + " of " + n + " messages arrived in "
                        + timeoutSeconds + " s");
            }
            LockSupport.parkNanos(100_000);
        }
    }

    /** A quote whose single-object encoding is {@code size} bytes (the symbol is padded). */
    static QuoteTick quoteOfSize(int size) {
        StringBuilder symbol = new StringBuilder("BTCUSDT");
        TributarySerde serde = TributarySerde.get();
        while (true) {
            QuoteTick q = QuoteTick.newBuilder()
                    .setInstrument(new InstrumentId("BINANCE", symbol.toString()))
                    .setBidPrice(new Price(6_500_000L, 2)).setAskPrice(new Price(6_500_100L, 2))
                    .setBidSize(new Quantity(10L, 0)).setAskSize(new Quantity(12L, 0))
                    .setTsEvent(1L).setTsInit(Long.MAX_VALUE)
                    .build();
            if (serde.encode(q).length >= size) {
                return q;
            }
            symbol.append('X');
        }
    }
}
