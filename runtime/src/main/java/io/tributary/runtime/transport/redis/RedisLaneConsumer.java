package io.tributary.runtime.transport.redis;

import io.tributary.runtime.transport.CauseChain;
import io.tributary.runtime.transport.RecentIds;
import io.tributary.api.Headers;
import io.tributary.api.MessageBus;
import io.tributary.api.Priority;
import io.tributary.api.TopicPattern;
import io.tributary.runtime.transport.DecodingIngress;
import io.tributary.runtime.transport.avro.PayloadMapping;
import io.tributary.schemas.serde.MessageDecodingException;
import io.tributary.schemas.serde.MessageReader;
import io.tributary.schemas.serde.TributarySerde;
import org.apache.avro.specific.SpecificRecord;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.AutoClaimResult;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamMultiReadGroupArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * One member of the consumer group {@code <app>}: reads the lane streams of some topics, hands each
 * entry to a {@link RedisEntryHandler} and acknowledges it (XACK, batched per read) only after the
 * handler returned true. One thread, one Redisson client of its own.
 *
 * <ul>
 *   <li><b>Priority</b>: each round reads CRITICAL's streams first, then HIGH, NORMAL, LOW; after a
 *       lane delivered something the round starts again at CRITICAL, so lower lanes wait while higher
 *       ones have entries, except that a lane held back for its max wait (HIGH 5 ms, NORMAL 20 ms, LOW
 *       50 ms by default) is read once: LOW gets a bounded share. When every lane is empty one blocking
 *       XREADGROUP over all streams waits (100 ms) for the next entry.</li>
 *   <li><b>Claims</b>: every half claim-idle time, XAUTOCLAIM takes over entries pending longer than
 *       the claim idle time on any consumer of the group (a dead one, or this one after a refusal).</li>
 *   <li><b>Duplicates</b>: an entry whose message id is among the last {@code recentIds} this consumer
 *       handled is acknowledged and dropped (a publisher's retried batch, an ack lost with a restarted
 *       server, a claim of something already handled here).</li>
 *   <li><b>Dead letters</b>: an entry whose payload does not decode, that lacks fields, or whose record
 *       the payload mapping cannot map ({@code UNMAPPABLE}) is copied to
 *       {@code <app>.dlq} with the reason, published on the bus's dead-letter topic through
 *       {@link DecodingIngress} (when a bus is given), acknowledged, and consumption goes on.</li>
 *   <li><b>Discovery</b>: streams are those of the given topics, or of every topic in the registry
 *       {@code <app>.streams} that matches the given patterns (re-read every second).</li>
 *   <li><b>Outages</b>: a failed command marks the consumer {@linkplain #connected() unhealthy} and
 *       is retried with back-off; Redisson reconnects; groups lost with a non-persistent server are
 *       created again.</li>
 * </ul>
 */
public final class RedisLaneConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLaneConsumer.class);
    private static final Priority[] LANES = Priority.values();
    private static final long DISCOVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Duration BLOCK = Duration.ofMillis(100);
    private static final BatchOptions BATCH = BatchOptions.defaults().retryAttempts(0);

    private final RedisSettings settings;
    private final RedisStreamNames names;
    private final RedissonClient client;
    private final String consumer;
    private final List<String> fixedTopics;
    private final List<TopicPattern> patterns;
    private final RedisEntryHandler handler;
    private final DecodingIngress deadLetterIngress;
    private final MessageReader reader;
    private final PayloadMapping payloads;
    private final RecentIds recent;
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    @SuppressWarnings("unchecked")
    private final List<String>[] laneStreams = new List[Priority.COUNT];
    private final Set<String> topics = new HashSet<>();
    private final Map<String, String> streamTopics = new HashMap<>();
    private final Set<String> grouped = new HashSet<>();
    private final long[] lastServed = new long[Priority.COUNT];
    private final long[] maxWaitNanos = new long[Priority.COUNT];
    private final AtomicLongArray delivered = new AtomicLongArray(Priority.COUNT);
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder refusals = new LongAdder();
    private final LongAdder claimed = new LongAdder();
    private final AtomicLong failures = new AtomicLong();
    /** stream -> entry ids handled and not yet acknowledged. */
    private final Map<String, List<StreamMessageId>> acks = new LinkedHashMap<>();
    /** Per lane, entries fetched and not yet handled. */
    @SuppressWarnings("unchecked")
    private final ArrayDeque<Chunk>[] queued = new ArrayDeque[Priority.COUNT];
    private final List<String> fetchStreams = new ArrayList<>();
    private volatile boolean running = true;
    private volatile boolean connected = true;
    /**
     * Entries per XREADGROUP and XAUTOCLAIM: the read count is in messages, and a full entry carries
     * {@code messagesPerEntry} of them, so a CRITICAL message still waits behind at most about
     * {@code readCount} of its lane.
     */
    private final int readEntries;
    private long nextDiscovery;
    private byte[] lastKeyBytes;
    private String lastKey;
    private long nextClaim;

    /**
     * @param topics   bus topics to read (literal), or patterns when {@code discover} is true
     * @param discover read every registered topic matching {@code topics} as patterns
     * @param bus      where undecodable entries are dead-lettered; null: only to {@code <app>.dlq}
     */
    RedisLaneConsumer(RedisSettings settings, RedisStreamNames names, TributarySerde serde, PayloadMapping payloads,
                      List<String> topics, boolean discover, RedisEntryHandler handler, MessageBus bus, String consumer) {
        this.settings = settings;
        this.names = names;
        this.consumer = consumer;
        this.handler = handler;
        this.fixedTopics = discover ? List.of() : List.copyOf(topics);
        this.patterns = discover ? topics.stream().map(TopicPattern::parse).toList() : List.of();
        this.reader = serde.newReader();
        this.recent = new RecentIds(settings.recentIds());
        this.readEntries = Math.max(1, settings.readCount() / settings.messagesPerEntry());
        this.payloads = payloads;
        this.deadLetterIngress = bus == null ? null : new DecodingIngress("redis:" + consumer, bus, serde, payloads);
        for (Priority p : LANES) {
            laneStreams[p.ordinal()] = new ArrayList<>();
            queued[p.ordinal()] = new ArrayDeque<>();
            Duration w = settings.maxWait().get(p);
            maxWaitNanos[p.ordinal()] = w == null ? 0 : w.toNanos();
        }
        this.client = RedisClients.connect(settings);
        this.thread = new Thread(this::loop, "redis-consumer-" + consumer);
        this.thread.setDaemon(true);
    }

    /** Starts the consumer thread. */
    public RedisLaneConsumer start() {
        thread.start();
        return this;
    }

    /** Waits until the groups of the initial streams exist (entries written after this are read). */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String name() {
        return consumer;
    }

    private void loop() {
        long backoff = 0;
        while (running) {
            try {
                long now = System.nanoTime();
                if (now - nextDiscovery >= 0) {
                    discover();
                    nextDiscovery = now + DISCOVERY_NANOS;
                    ready.countDown();
                }
                if (now - nextClaim >= 0) {
                    claim();
                    nextClaim = System.nanoTime() + Math.max(TimeUnit.MILLISECONDS.toNanos(20), settings.claimIdle().toNanos() / 2);
                }
                round();
                if (!connected) {
                    LOG.info("consumer {}: Redis at {} reachable again", consumer, settings.address());
                }
                connected = true;
                backoff = 0;
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                failures.incrementAndGet();
                acks.clear();   // not acknowledged: they stay pending and come back (claimed or re-read)
                if (CauseChain.describe(e).contains("NOGROUP")) {
                    grouped.clear();
                    nextDiscovery = System.nanoTime();
                } else if (connected) {
                    LOG.warn("consumer {}: Redis at {} failed ({}); retrying with back-off", consumer, settings.address(),
                            CauseChain.describe(e));
                    connected = false;
                    grouped.clear();
                    nextDiscovery = System.nanoTime();
                }
                backoff = backoff == 0 ? 10 : Math.min(1_000, backoff * 2);
                sleep(backoff);
            }
        }
        try {
            flushAcks();
        } catch (RuntimeException e) {
            LOG.debug("consumer {}: last acknowledgements not sent ({}); they are claimed again", consumer, e.toString());
        }
    }

    /**
     * One priority round. Fetch: one XREADGROUP over the streams of every lane with nothing queued
     * here, sent in one pipeline with the acknowledgements of what was handled since the last round
     * (one round trip). Handle: the highest lane with queued entries, all of them, plus the lower
     * lanes that waited their max wait; what is fetched for the lanes below stays queued (pending on
     * this consumer) until its turn. With nothing anywhere, one blocking XREADGROUP over every stream
     * waits for the next entry.
     */
    private void round() {
        boolean idle = nothingQueued();
        if (!fetch(idle) && idle) {
            sleep(BLOCK.toMillis());   // no stream yet
            return;
        }
        long now = System.nanoTime();
        boolean served = false;
        for (Priority lane : LANES) {
            int i = lane.ordinal();
            ArrayDeque<Chunk> q = queued[i];
            if (!q.isEmpty() && (!served || now - lastServed[i] >= maxWaitNanos[i])) {
                Chunk c;
                while ((c = q.poll()) != null) {
                    handleAll(c.stream(), c.entries());
                }
                served = true;
            }
            if (q.isEmpty()) {
                lastServed[i] = now;
            }
        }
    }

    /** Entries of one stream from one read, handled together. */
    private record Chunk(String stream, Map<StreamMessageId, Map<String, byte[]>> entries) {
    }

    private boolean nothingQueued() {
        for (ArrayDeque<Chunk> q : queued) {
            if (!q.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The read of the lanes with nothing queued, pipelined with the pending acknowledgements: one round
     * trip. With nothing queued anywhere it blocks ({@code BLOCK 100}) until an entry comes, so an idle
     * consumer makes one round trip per entry batch, not a non-blocking read and then a blocking one.
     *
     * @return false if there was no stream to read
     */
    private boolean fetch(boolean block) {
        fetchStreams.clear();
        for (Priority lane : LANES) {
            if (queued[lane.ordinal()].isEmpty()) {
                fetchStreams.addAll(laneStreams[lane.ordinal()]);
            }
        }
        if (fetchStreams.isEmpty() && acks.isEmpty()) {
            return false;
        }
        RBatch b = client.createBatch(BATCH);
        addAcks(b);
        RFuture<Map<String, Map<StreamMessageId, Map<String, byte[]>>>> read = fetchStreams.isEmpty() ? null
                : b.<String, byte[]>getStream(fetchStreams.get(0), RedisClients.ENTRY_CODEC).readGroupAsync(names.group(), consumer,
                        readArgs(fetchStreams, block ? BLOCK : null));
        b.execute();
        if (read != null) {
            queue(read.toCompletableFuture().join());
        }
        return read != null;
    }

    private StreamMultiReadGroupArgs readArgs(List<String> streams, Duration block) {
        Map<String, StreamMessageId> others = new LinkedHashMap<>();
        for (int i = 1; i < streams.size(); i++) {
            others.put(streams.get(i), StreamMessageId.NEVER_DELIVERED);
        }
        StreamMultiReadGroupArgs args = StreamMultiReadGroupArgs.greaterThan(StreamMessageId.NEVER_DELIVERED, others)
                .count(readEntries);
        return block == null ? args : args.timeout(block);
    }

    private void queue(Map<String, Map<StreamMessageId, Map<String, byte[]>>> result) {
        if (result == null) {
            return;
        }
        for (Map.Entry<String, Map<StreamMessageId, Map<String, byte[]>>> s : result.entrySet()) {
            if (s.getValue() != null && !s.getValue().isEmpty()) {
                queued[names.readLane(s.getKey()).ordinal()].add(new Chunk(s.getKey(), s.getValue()));
            }
        }
    }

    private int handleAll(String stream, Map<StreamMessageId, Map<String, byte[]>> entries) {
        if (entries == null) {
            return 0;
        }
        for (Map.Entry<StreamMessageId, Map<String, byte[]>> e : entries.entrySet()) {
            StreamMessageId entryId = e.getKey();
            Map<String, byte[]> fields = e.getValue();
            if (fields == null || handleEntry(stream, entryId, fields)) {
                ack(stream, entryId);   // (no fields: deleted, trimmed while pending)
            }
        }
        return entries.size();
    }

    /**
     * Handles the messages of one entry in order: a lone message, or the n of a packed entry
     * (docs/decisions/0051). True when every one was handled, dropped as a duplicate or dead-lettered:
     * the entry can be acknowledged. At the first refusal the rest of the entry is left with it, pending;
     * when it comes back, what was handled here is dropped by id.
     */
    private boolean handleEntry(String stream, StreamMessageId entryId, Map<String, byte[]> fields) {
        Priority lane = laneOf(fields.get(RedisEntryFields.LANE), stream);
        String topic = streamTopics.get(stream);
        long first = parseId(fields.get(RedisEntryFields.ID));
        byte[] count = fields.get(RedisEntryFields.COUNT);
        if (count == null) {
            return handle(stream, entryId, -1, topic, lane, first, fields.get(RedisEntryFields.KEY),
                    fields.get(RedisEntryFields.PAYLOAD));
        }
        long n = parseId(count);
        if (n < 2 || n > RedisSettings.MAX_MESSAGES_PER_ENTRY) {
            deadLetter(stream, entryId, -1, topic, null, null, lane, "MISSING_FIELD",
                    "packed entry's 'n' is not a count in [2, " + RedisSettings.MAX_MESSAGES_PER_ENTRY + "]");
            return true;
        }
        for (int i = 0; i < n; i++) {
            if (!handle(stream, entryId, i, topic, lane, first < 0 ? -1 : first + i,
                    fields.get(RedisEntryFields.key(i)), fields.get(RedisEntryFields.payload(i)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * One message: {@code index} its position in a packed entry, -1 for a lone one. True when handled,
     * dropped as a duplicate or dead-lettered; false when the handler refused it (or threw).
     */
    private boolean handle(String stream, StreamMessageId entryId, int index, String topic, Priority lane, long id,
                           byte[] keyBytes, byte[] payload) {
        String key = key(keyBytes);
        if (id < 0 || payload == null) {
            deadLetter(stream, entryId, index, topic, key, payload, lane, "MISSING_FIELD",
                    "entry lacks " + (id < 0 ? "a numeric 'id'"
                            : "'" + (index < 0 ? RedisEntryFields.PAYLOAD : RedisEntryFields.payload(index)) + "'"));
            return true;
        }
        if (recent.contains(id)) {
            duplicates.increment();
            return true;
        }
        SpecificRecord record;
        try {
            record = reader.decode(payload);
        } catch (MessageDecodingException e) {
            deadLetter(stream, entryId, index, topic, key, payload, lane, e.reason().name(), String.valueOf(e.getMessage()));
            return true;
        }
        Object mapped;
        try {
            mapped = payloads.fromAvro(record);
        } catch (RuntimeException e) {
            deadLetter(stream, entryId, index, topic, key, payload, lane, DecodingIngress.UNMAPPABLE,
                    String.valueOf(e.getMessage()));
            return true;
        }
        boolean ok;
        try {
            ok = handler.handle(topic, key, mapped, lane, id);
        } catch (RuntimeException e) {
            LOG.warn("consumer {}: handler failed on {} {} ({}); left pending", consumer, stream, source(entryId, index),
                    e.toString());
            ok = false;
        }
        if (!ok) {
            refusals.increment();
            return false;
        }
        recent.add(id);
        delivered.incrementAndGet(lane.ordinal());
        return true;
    }

    /** The key as a string; the last one is reused while the next ones repeat it (a key per instrument, say). */
    private String key(byte[] keyBytes) {
        if (keyBytes == null) {
            return null;
        }
        if (!java.util.Arrays.equals(keyBytes, lastKeyBytes)) {
            lastKeyBytes = keyBytes;
            lastKey = new String(keyBytes, StandardCharsets.UTF_8);
        }
        return lastKey;
    }

    /** {@code <entry id>}, or {@code <entry id>#<i>} for message i of a packed entry. */
    private static String source(StreamMessageId entryId, int index) {
        return index < 0 ? entryId.toString() : entryId + "#" + index;
    }

    /** Decimal ASCII to a non-negative long without a String; -1 if it is not one. */
    static long parseId(byte[] b) {
        if (b == null || b.length == 0 || b.length > 19) {
            return -1;
        }
        long v = 0;
        for (byte c : b) {
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v < 0 ? -1 : v;
    }

    private Priority laneOf(byte[] laneBytes, String stream) {
        if (laneBytes != null && laneBytes.length > 0) {
            switch (laneBytes[0]) {
                case 'c': return Priority.CRITICAL;
                case 'h': return Priority.HIGH;
                case 'n': return Priority.NORMAL;
                case 'l': return Priority.LOW;
                default: break;
            }
        }
        return names.readLane(stream);
    }

    private void deadLetter(String stream, StreamMessageId entryId, int index, String topic, String key, byte[] payload,
                            Priority lane, String reason, String error) {
        deadLettered.increment();
        LOG.warn("consumer {}: entry {} of {} dead-lettered to {}: {} {}", consumer, source(entryId, index), stream,
                names.deadLetter(), reason, error);
        Map<String, byte[]> fields = new LinkedHashMap<>();
        fields.put("source", (stream + "@" + source(entryId, index)).getBytes(StandardCharsets.UTF_8));
        fields.put("reason", reason.getBytes(StandardCharsets.UTF_8));
        fields.put("error", error.getBytes(StandardCharsets.UTF_8));
        if (topic != null) {
            fields.put("topic", topic.getBytes(StandardCharsets.UTF_8));
        }
        fields.put(RedisEntryFields.PAYLOAD, payload == null ? new byte[0] : payload);
        client.<String, byte[]>getStream(names.deadLetter(), RedisClients.ENTRY_CODEC)
                .add(StreamAddArgs.entries(fields).trimNonStrict().maxLen((int) Math.min(Integer.MAX_VALUE, settings.maxLength())).noLimit());
        if (deadLetterIngress != null) {
            // decodes again, fails again, and publishes the DeadLetter with the reason, as the Kafka transport does
            deadLetterIngress.ingest(topic == null ? stream : topic, key, payload == null ? new byte[0] : payload, lane,
                    Headers.EMPTY);
        }
    }

    /** Queues an acknowledgement; it goes with the next read (or {@link #flushAcks}). */
    private void ack(String stream, StreamMessageId entryId) {
        acks.computeIfAbsent(stream, s -> new ArrayList<>()).add(entryId);
    }

    private void addAcks(RBatch b) {
        for (Map.Entry<String, List<StreamMessageId>> e : acks.entrySet()) {
            if (!e.getValue().isEmpty()) {
                b.getStream(e.getKey(), RedisClients.ENTRY_CODEC).ackAsync(names.group(),
                        e.getValue().toArray(new StreamMessageId[0]));
            }
        }
        acks.clear();
    }

    /** Sends the queued acknowledgements now. */
    private void flushAcks() {
        if (acks.isEmpty()) {
            return;
        }
        RBatch b = client.createBatch(BATCH);
        addAcks(b);
        b.execute();
    }

    /** XAUTOCLAIM on every stream: entries idle longer than the claim time move here and are handled. */
    private void claim() {
        for (List<String> streams : laneStreams) {
            for (String stream : streams) {
                RStream<String, byte[]> s = client.getStream(stream, RedisClients.ENTRY_CODEC);
                StreamMessageId start = new StreamMessageId(0, 0);
                for (int pages = 0; pages < 100; pages++) {
                    AutoClaimResult<String, byte[]> r = s.autoClaim(names.group(), consumer,
                            settings.claimIdle().toMillis(), TimeUnit.MILLISECONDS, start, readEntries);
                    if (r.getMessages() != null && !r.getMessages().isEmpty()) {
                        claimed.add(r.getMessages().size());
                        handleAll(stream, r.getMessages());
                        flushAcks();
                    }
                    if (r.getDeletedIds() != null && !r.getDeletedIds().isEmpty()) {
                        for (StreamMessageId gone : r.getDeletedIds()) {
                            ack(stream, gone);
                        }
                        flushAcks();
                    }
                    start = r.getNextId();
                    if (start == null || (start.getId0() == 0 && start.getId1() == 0)) {
                        break;
                    }
                }
            }
        }
    }

    private void discover() {
        Set<String> wanted = new HashSet<>(fixedTopics);
        if (!patterns.isEmpty()) {
            Set<String> registered = client.<String>getSet(names.registry(), WrappingCodec.STRINGS).readAll();
            for (String t : registered) {
                for (TopicPattern p : patterns) {
                    if (p.matches(t)) {
                        wanted.add(t);
                        break;
                    }
                }
            }
        }
        for (String topic : wanted) {
            if (topics.add(topic)) {
                for (String stream : names.streams(topic)) {
                    laneStreams[names.readLane(stream).ordinal()].add(stream);
                    streamTopics.put(stream, topic);
                }
            }
            for (String stream : names.streams(topic)) {
                if (!grouped.contains(stream)) {
                    createGroup(stream);
                    grouped.add(stream);
                }
            }
        }
    }

    private void createGroup(String stream) {
        try {
            client.getStream(stream, RedisClients.ENTRY_CODEC)
                    .createGroup(StreamCreateGroupArgs.name(names.group()).id(StreamMessageId.ALL).makeStream());
        } catch (RuntimeException e) {
            if (!CauseChain.describe(e).contains("BUSYGROUP")) {
                throw e;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** False from a failed command until the next successful round. */
    public boolean connected() {
        return connected;
    }

    public long delivered() {
        long n = 0;
        for (int i = 0; i < Priority.COUNT; i++) {
            n += delivered.get(i);
        }
        return n;
    }

    public long delivered(Priority lane) {
        return delivered.get(lane.ordinal());
    }

    /** Entries dropped because their message id was handled recently. */
    public long duplicates() {
        return duplicates.sum();
    }

    public long deadLettered() {
        return deadLettered.sum();
    }

    /** Entries the handler refused (left pending). */
    public long refusals() {
        return refusals.sum();
    }

    /** Entries taken over from idle consumers (or from this one). */
    public long claimed() {
        return claimed.sum();
    }

    public long failures() {
        return failures.get();
    }

    /** The consumer's own client (tests close it to simulate a crash). */
    RedissonClient client() {
        return client;
    }

    /** Stops reading (what was handled is acknowledged), closes the client. Idempotent. */
    @Override
    public void close() {
        running = false;
        if (thread.isAlive()) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!client.isShutdown()) {
            client.shutdown();
        }
    }
}
