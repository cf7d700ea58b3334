package io.tributary.runtime.transport.redis;

import io.tributary.runtime.transport.CauseChain;
import io.tributary.api.Priority;
import io.tributary.runtime.transport.FullQueuePolicy;
import io.tributary.schemas.serde.TributarySerde;
import org.apache.avro.specific.SpecificRecord;
import org.jctools.queues.MpmcArrayQueue;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamTrimArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.lang.invoke.VarHandle;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes messages to their lane streams in batches: publishers encode the record to Avro single-object
 * bytes on their own thread and queue it on its lane's bounded buffer; batches of up to {@code batchMax}
 * messages, drained CRITICAL first, are sent as one script call each ({@link RedisScripts#XADD_BATCH},
 * {@code MAXLEN ~ maxLength}), consecutive messages of a stream packed up to {@code messagesPerEntry}
 * per entry (docs/decisions/0051). A batch goes as soon as the pipeline is free: the sender thread starts
 * one on an idle pipeline, and a batch's completion sends what queued meanwhile. While Redis is away
 * the failed batch is retried with back-off and the publisher is {@linkplain #connected() unhealthy};
 * the buffers fill, and a full buffer applies its lane's overflow policy (BLOCK waits up to
 * {@code blockTimeout} then refuses; DROP_OLDEST and CONFLATE drop the oldest queued message of the
 * lane; REJECT refuses), every drop and refusal counted.
 *
 * <p>Entries: see {@link RedisEntryFields} ({@code lane} only in topic mode: in lane mode the stream name
 * says it; the topic is the stream name's middle). A retried batch may have been partly written:
 * consumers drop the repeated ids.
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
    /** Baton. */
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
    /**
     * The baton: held by whoever builds, sends and completes the current batch (the sender thread, or
     * the I/O thread completing the previous batch); it guards {@link #batch} and the fields marked
     * "baton".
     */
    private final AtomicBoolean sending = new AtomicBoolean();
    /** Baton. */
    private final List<Pending> batch;
    /** Baton: back-off after a failed batch, and when to retry it (0: not failed). */
    private long backoffNanos;
    private long retryAt;
    private volatile boolean gaveUp;
    private final byte[] maxLenBytes;
    private final boolean laneField;
    private long nextAgeTrim;
    /** Sender thread only: the last trim by age failed (warned once per run of failures). */
    private boolean trimFailing;
    private final LongAdder trimFailures = new LongAdder();

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
        this.batch = new ArrayList<>(settings.batchMax());
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
        // the lambdas are made only when the buffer is full, not per message
        if (!q.offer(p) && !FullQueuePolicy.offer(q, p, settings.overflow().get(lane), settings.blockTimeout(),
                () -> running, () -> LockSupport.unpark(sender), dropped::increment)) {
            refused.increment();
            return false;
        }
        VarHandle.fullFence();   // the queued message is visible before the flags are read (the sender re-checks after)
        if (senderParked && !sending.get()) {
            LockSupport.unpark(sender);
        }
        return true;
    }

    /**
     * The sender thread starts a batch when the pipeline is idle and retries a failed one after its
     * back-off; while a batch is in flight it sleeps, and the batch's completion (on Redisson's I/O
     * thread) sends the next one at once if messages are queued. At a steady rate that saves two thread
     * wake-ups per batch (this thread's, and the I/O thread's for a write from another thread), which
     * on two cores were most of the publisher's CPU at 50k msg/s.
     */
    private void sendLoop() {
        long parkNanos = Math.max(1_000, settings.flushInterval().toNanos());
        while (!gaveUp && (running || queued() > 0 || inFlight.get() > 0 || sending.get())) {
            if (!sending.compareAndSet(false, true)) {
                park(parkNanos);   // a batch is in flight: its completion goes on, or wakes this thread
                continue;
            }
            if (batch.isEmpty()) {
                fill();
            }
            if (batch.isEmpty()) {
                maybeTrimByAge();
                sending.set(false);
                if (queued() == 0 && running) {
                    park(parkNanos);
                }
                continue;
            }
            long wait = retryAt == 0 ? 0 : retryAt - System.nanoTime();
            if (wait > 0) {
                sending.set(false);
                park(wait);
                continue;
            }
            sendAsync();
        }
    }

    /** Parks the sender; a publish wakes it only while no batch is in flight. */
    private void park(long nanos) {
        senderParked = true;
        LockSupport.parkNanos(nanos);
        senderParked = false;
    }

    private void fill() {
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

    /** Sends {@link #batch}; the caller holds {@link #sending}, which {@link #completed} passes on or releases. */
    private void sendAsync() {
        RFuture<Long> f;
        try {
            f = send();
        } catch (RuntimeException e) {
            completed(e);
            return;
        }
        f.whenComplete((r, e) -> completed(e));
    }

    /** A batch's outcome, on the I/O thread (or the sender's, if it failed at once); the caller holds {@link #sending}. */
    private void completed(Throwable error) {
        if (error == null) {
            int n = batch.size();
            sent.add(n);
            batches.incrementAndGet();
            entries.addAndGet(packer.entryCount());
            registered.addAll(toRegister);
            written.addAll(batchStreams.keySet());
            batch.clear();
            inFlight.addAndGet(-n);
            if (!connected) {
                LOG.info("Redis at {} reachable again: publisher {} resumes", settings.address(), names.app());
            }
            connected = true;
            backoffNanos = 0;
            retryAt = 0;
            if (queued() > 0) {
                fill();
                sendAsync();   // still holding the baton
                return;
            }
        } else {
            failures.increment();
            if (connected) {
                LOG.warn("Redis at {} not reachable ({}); buffering up to {} messages per lane and retrying",
                        settings.address(), CauseChain.describe(error), settings.bufferLimit());
            }
            connected = false;
            registered.clear();   // the registry may be gone with a restarted server
            if (!running) {
                // close() already waited for Redis (flush); one attempt after that, then give up
                LOG.warn("publisher {} closed with {} unsent messages", names.app(), batch.size() + queued());
                gaveUp = true;
            }
            backoffNanos = backoffNanos == 0 ? 10_000_000L : Math.min(1_000_000_000L, backoffNanos * 2);
            retryAt = System.nanoTime() + backoffNanos;
        }
        sending.set(false);
        if (gaveUp || retryAt != 0 || queued() > 0 || !running) {
            LockSupport.unpark(sender);
        }
    }

    /**
     * One batch is one script call: Redisson's {@code RBatch} costs a future, a command object and a
     * decoded reply per XADD, which on two cores halved the publisher's rate (docs/decisions/0050).
     * Messages are grouped by stream, in order, and consecutive ones of a stream share an entry
     * (docs/decisions/0051); a batch is atomic (all its XADDs happen or none). The arguments are built
     * again on a retry, with the same message ids.
     */
    private RFuture<Long> send() {
        batchStreams.clear();
        toRegister.clear();
        batchKeys.clear();
        batchKeys.add(names.registry());
        packer.clear(batch.size());
        List<Pending> batch = this.batch;
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
        return client.getScript(WrappingCodec.ENTRIES).evalAsync(RScript.Mode.READ_WRITE, RedisScripts.XADD_BATCH,
                RScript.ReturnType.LONG, batchKeys, args);
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
            if (trimFailing) {
                LOG.info("trimming by age (maxAge {}) works again on Redis at {}", settings.maxAge(), settings.address());
            }
            trimFailing = false;
        } catch (RuntimeException e) {
            // not a publish failure (messages still go out), but the streams now outgrow maxAge: say so
            trimFailures.increment();
            if (!trimFailing) {
                LOG.warn("trimming by age (maxAge {}) failed on Redis at {}: {}; the streams keep entries older than"
                        + " that until it works (retried every {} ms)", settings.maxAge(), settings.address(),
                        CauseChain.describe(e), every);
            }
            trimFailing = true;
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

    /** Trims by age ({@code maxAge}) that Redis refused or that failed; they do not count as {@link #failures()}. */
    public long trimFailures() {
        return trimFailures.sum();
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
        m.put("trim-failures", trimFailures());
        return m;
    }
}
