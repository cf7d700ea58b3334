package io.tributary.runtime.transport.redis;

import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;
import io.tributary.schemas.serde.TributarySerde;
import org.apache.avro.specific.SpecificRecord;
import org.jctools.queues.MpmcArrayQueue;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamTrimArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes messages to their lane streams in batches: publishers encode the
 * record to Avro single-object bytes on their own thread and queue it on its lane's bounded buffer;
 * one sender thread drains the buffers CRITICAL first into batches of up to {@code batchMax} XADDs
 * ({@code MAXLEN ~ maxLength}), sent as one script call per batch ({@link RedisScripts#XADD_BATCH}),
 * and sends a partial batch as soon as nothing more is queued (after at most {@code flushInterval}
 * asleep). While Redis is away the sender retries the failed batch with
 * back-off and is {@linkplain #connected() unhealthy}; the buffers fill, and a full buffer applies its
 * lane's overflow policy (BLOCK waits up to {@code blockTimeout} then refuses; DROP_OLDEST and
 * CONFLATE drop the oldest queued message of the lane; REJECT refuses), every drop and refusal counted.
 *
 * <p>Entries: {@code id} (message id, decimal), {@code lane} (only in topic mode: in lane mode the
 * stream name says it), {@code key} (if any), {@code payload} (Avro single-object bytes); the topic is
 * the stream name's middle. A retried batch may have been partly written: consumers drop the repeated
 * ids.
 * Thread-safe.
 */
public final class RedisLanePublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLanePublisher.class);
    private static final byte[][] LANE_BYTES = new byte[Priority.COUNT][];
    private static final Priority[] LANES = Priority.values();

    static {
        for (Priority p : LANES) {
            LANE_BYTES[p.ordinal()] = RedisStreamNames.laneName(p).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** One queued message; its id is given when its batch is formed (consecutive within an entry). */
    private record Pending(String topic, String stream, Priority lane, byte[] key, byte[] payload) {
    }

    private final RedisSettings settings;
    private final RedisStreamNames names;
    private final TributarySerde serde;
    private final RedissonClient client;
    private final boolean ownsClient;
    @SuppressWarnings("unchecked")
    private final MpmcArrayQueue<Pending>[] buffers = new MpmcArrayQueue[Priority.COUNT];
    /** topic -> its stream per lane: names are built once, not per message. */
    private final ConcurrentHashMap<String, String[]> streams = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong entries = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final Thread sender;
    private volatile boolean connected = true;
    private volatile boolean running = true;
    private volatile boolean senderParked;
    /** Sender thread only. */
    private final Set<String> registered = new HashSet<>();
    private final Set<String> written = new HashSet<>();
    /** stream -> its position among the batch's streams. */
    private final Map<String, Integer> batchStreams = new LinkedHashMap<>();
    private final List<Object> batchKeys = new ArrayList<>();
    private final Set<String> toRegister = new java.util.LinkedHashSet<>();
    private final RedisEntryPacker packer;
    /** Message ids: random start, +1 per message, given in entry order when a batch is formed (sender thread). */
    private long nextId = new SecureRandom().nextLong() & (Long.MAX_VALUE >>> 1);
    /** The id of the current batch's first message: a retried batch carries the same ids. */
    private long batchFirstId;
    private final byte[] maxLenBytes;
    private final boolean laneField;
    private long nextAgeTrim;

    RedisLanePublisher(RedisSettings settings, RedisStreamNames names, TributarySerde serde, RedissonClient client,
                       boolean ownsClient) {
        this.settings = settings;
        this.names = names;
        this.serde = serde;
        this.client = client;
        this.ownsClient = ownsClient;
        this.maxLenBytes = Long.toString(settings.maxLength()).getBytes(StandardCharsets.US_ASCII);
        this.laneField = names.mode() == RedisSettings.StreamMode.TOPIC;
        this.packer = new RedisEntryPacker(settings.messagesPerEntry(), laneField);
        for (Priority p : LANES) {
            buffers[p.ordinal()] = new MpmcArrayQueue<>(Math.max(2, settings.bufferLimit()));
        }
        sender = new Thread(this::sendLoop, "redis-publisher-" + names.app());
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * Queues {@code record} for {@code topic}'s {@code lane} stream.
     *
     * @return false if the lane's buffer was full and its policy refused it
     */
    public boolean publish(String topic, String key, SpecificRecord record, Priority lane) {
        return publishBytes(topic, key, serde.encode(record), lane);
    }

    /** Queues already-encoded bytes (tools and tests send bad bytes with it too). */
    public boolean publishBytes(String topic, String key, byte[] payload, Priority lane) {
        String[] byLane = streams.get(topic);
        if (byLane == null) {
            byLane = streams.computeIfAbsent(topic, t -> {
                String[] out = new String[Priority.COUNT];
                for (Priority l : LANES) {
                    out[l.ordinal()] = names.stream(t, l);
                }
                return out;
            });
        }
        Pending p = new Pending(topic, byLane[lane.ordinal()], lane,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), payload);
        MpmcArrayQueue<Pending> q = buffers[lane.ordinal()];
        if (!q.offer(p) && !overflow(q, p, settings.overflow().get(lane))) {
            refused.increment();
            return false;
        }
        if (senderParked) {
            LockSupport.unpark(sender);
        }
        return true;
    }

    private boolean overflow(MpmcArrayQueue<Pending> q, Pending p, OverflowPolicy policy) {
        switch (policy) {
            case REJECT:
                return false;
            case DROP_OLDEST:
            case CONFLATE:
                for (int i = 0; i < 1_000; i++) {
                    if (q.poll() != null) {
                        dropped.increment();
                    }
                    if (q.offer(p)) {
                        return true;
                    }
                }
                return false;
            case BLOCK:
            default:
                long deadline = System.nanoTime() + settings.blockTimeout().toNanos();
                while (running) {
                    if (q.offer(p)) {
                        return true;
                    }
                    if (System.nanoTime() - deadline > 0) {
                        return false;
                    }
                    LockSupport.unpark(sender);
                    LockSupport.parkNanos(50_000);
                }
                return false;
        }
    }

    private void sendLoop() {
        List<Pending> batch = new ArrayList<>(settings.batchMax());
        long backoffNanos = 0;
        long parkNanos = Math.max(1_000, settings.flushInterval().toNanos());
        while (running || !batch.isEmpty() || queued() > 0) {
            if (batch.isEmpty()) {
                fill(batch);
            }
            if (batch.isEmpty()) {
                maybeTrimByAge();
                senderParked = true;
                if (queued() == 0 && running) {
                    LockSupport.parkNanos(parkNanos);
                }
                senderParked = false;
                continue;
            }
            try {
                send(batch);
                sent.add(batch.size());
                inFlight.addAndGet(-batch.size());
                batch.clear();
                if (!connected) {
                    LOG.info("Redis at {} reachable again: publisher {} resumes", settings.address(), names.app());
                }
                connected = true;
                backoffNanos = 0;
            } catch (RuntimeException e) {
                failures.increment();
                if (connected) {
                    LOG.warn("Redis at {} not reachable ({}); buffering up to {} messages per lane and retrying",
                            settings.address(), RedisClients.rootMessage(e), settings.bufferLimit());
                }
                connected = false;
                registered.clear();   // the registry may be gone with a restarted server
                if (!running) {
                    // close() already waited for Redis (flush); one attempt after that, then give up
                    LOG.warn("publisher {} closed with {} unsent messages", names.app(), batch.size() + queued());
                    return;
                }
                backoffNanos = backoffNanos == 0 ? 10_000_000L : Math.min(1_000_000_000L, backoffNanos * 2);
                LockSupport.parkNanos(backoffNanos);
            }
        }
    }

    private void fill(List<Pending> batch) {
        int max = settings.batchMax();
        for (MpmcArrayQueue<Pending> q : buffers) {
            Pending p;
            while (batch.size() < max && (p = q.poll()) != null) {
                batch.add(p);
            }
        }
        inFlight.addAndGet(batch.size());
        batchFirstId = nextId;
        nextId += batch.size();
    }

    /**
     * One batch is one script call: Redisson's {@code RBatch} costs a future, a command object and a
     * decoded reply per XADD, which on two cores halved the publisher's rate (docs/decisions/0050).
     * Messages are grouped by stream, in order, and consecutive ones of a stream share an entry
     * (docs/decisions/0051); a batch is atomic (all its XADDs happen or none). The arguments are built
     * again on a retry, with the same message ids.
     */
    private void send(List<Pending> batch) {
        batchStreams.clear();
        toRegister.clear();
        batchKeys.clear();
        batchKeys.add(names.registry());
        packer.clear(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            Integer k = batchStreams.get(p.stream());
            if (k == null) {
                k = batchStreams.size();
                batchStreams.put(p.stream(), k);
                batchKeys.add(p.stream());
            }
            if (!registered.contains(p.topic())) {
                toRegister.add(p.topic());
            }
            packer.message(i, k, p.lane().ordinal(), p.key() != null);
        }
        Object[] args = packer.arguments(batchStreams.size(), batchFirstId, maxLenBytes, toRegister, (i, out, a) -> {
            Pending p = batch.get(i);
            if (p.key() != null) {
                out[a++] = p.key();
            }
            out[a++] = p.payload();
            return a;
        }, lane -> LANE_BYTES[lane]);
        client.getScript(WrappingCodec.ENTRIES).eval(RScript.Mode.READ_WRITE, RedisScripts.XADD_BATCH,
                RScript.ReturnType.LONG, batchKeys, args);
        batches.incrementAndGet();
        entries.addAndGet(packer.entryCount());
        registered.addAll(toRegister);
        toRegister.clear();
        written.addAll(batchStreams.keySet());
    }

    /** NautilusTrader-style autotrim by age: {@code XTRIM MINID ~ (now - maxAge)} on every stream written. */
    private void maybeTrimByAge() {
        if (settings.maxAge().isZero() || written.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        if (now < nextAgeTrim) {
            return;
        }
        long every = Math.max(100, Math.min(10_000, settings.maxAge().toMillis() / 10));
        nextAgeTrim = now + every;
        try {
            trimByAge(now - settings.maxAge().toMillis());
        } catch (RuntimeException e) {
            LOG.debug("trim by age failed: {}", e.toString());
        }
    }

    /** Trims every stream this publisher wrote to entries newer than {@code minEpochMillis}. */
    void trimByAge(long minEpochMillis) {
        RBatch b = client.createBatch(BatchOptions.defaults().retryAttempts(0));
        for (String s : written) {
            b.getStream(s, RedisClients.ENTRY_CODEC).trimNonStrictAsync(
                    StreamTrimArgs.minId(new StreamMessageId(Math.max(0, minEpochMillis), 0)).noLimit());
        }
        b.execute();
    }

    private long queued() {
        long n = 0;
        for (MpmcArrayQueue<Pending> q : buffers) {
            n += q.size();
        }
        return n;
    }

    /** Waits until everything queued so far was written, or {@code timeout} passed. */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (queued() > 0 || inFlight.get() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.unpark(sender);
            LockSupport.parkNanos(100_000);
        }
        return true;
    }

    /** False from a failed write until the next successful one. */
    public boolean connected() {
        return connected;
    }

    /** Messages written to Redis. */
    public long sent() {
        return sent.sum();
    }

    /** Messages dropped by DROP_OLDEST/CONFLATE lanes whose buffer was full. */
    public long dropped() {
        return dropped.sum();
    }

    /** Messages refused (REJECT, or BLOCK past its timeout). */
    public long refused() {
        return refused.sum();
    }

    /** Failed batch writes (each retried). */
    public long failures() {
        return failures.sum();
    }

    public long batches() {
        return batches.get();
    }

    /** Stream entries written: fewer than {@link #sent()} when messages shared entries. */
    public long entries() {
        return entries.get();
    }

    /** Messages waiting in the buffers. */
    public long buffered() {
        return queued();
    }

    /** Sends what is buffered (up to 10 s while Redis answers), stops the sender, closes an owned client. */
    @Override
    public void close() {
        flush(Duration.ofSeconds(connected ? 10 : 1));
        running = false;
        LockSupport.unpark(sender);
        try {
            sender.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsClient) {
            client.shutdown();
        }
    }

    Map<String, Long> counters() {
        Map<String, Long> m = new HashMap<>();
        m.put("sent", sent());
        m.put("dropped", dropped());
        m.put("refused", refused());
        m.put("failures", failures());
        return m;
    }
}
