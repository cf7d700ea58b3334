package io.tributary.runtime.transport.kafka;

import io.tributary.api.Headers;
import io.tributary.api.MessageBus;
import io.tributary.api.Priority;
import io.tributary.runtime.transport.avro.PayloadMapping;
import io.tributary.schemas.serde.TributarySerde;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Consumes the lane topics of some streams and feeds the records into a {@link MessageBus}, on the
 * record's lane and on the bus topic named like the stream, through a
 * {@link io.tributary.runtime.transport.DecodingIngress}. Priority-aware, which Kafka does not offer
 * by itself:
 *
 * <ul>
 *   <li>each lane has its own consumer and thread ({@link LaneConsumer}), so a lower lane's fetched
 *       records never queue in front of a higher lane's;</li>
 *   <li>every lane publishes its lag (log end minus position, from the last fetch, no extra request);
 *       a lane with lag pauses its partitions ({@code KafkaConsumer.pause}) while a higher lane has lag,
 *       so the broker, the network and the CPU serve the higher lane;</li>
 *   <li>a held-back lane is resumed for one poll once it waited its max wait ({@link LaneGate}), so
 *       LOW never starves.</li>
 * </ul>
 *
 * <p>Undecodable records are published on the bus's dead-letter topic (by the ingress) and copied to
 * the Kafka topic {@code <app>.dlq} with the reason in headers ({@link KafkaHeaders}); consumption
 * continues. A record whose message id was seen recently on its lane is dropped (at-least-once
 * delivery, idempotent hand-over). Offsets are committed after a poll's records were handed to the bus.
 * Consumers of one app share partitions through one consumer group per lane ({@code <app>.<lane>}).
 */
public final class PriorityLaneConsumer implements AutoCloseable {
    /**
     * Bus header on every message a lane consumer hands over, value {@value #FROM_KAFKA}: a bridge from
     * the bus to Kafka skips such messages, which Kafka has already (else a stream that is both a
     * sink's and a source's would go round for ever).
     */
    public static final String ORIGIN = "tributary.origin";
    public static final String FROM_KAFKA = "kafka";
    /** One instance for every message: no allocation per record. */
    static final Headers ORIGIN_HEADERS = Headers.of(ORIGIN, FROM_KAFKA);

    private static final Logger LOG = LoggerFactory.getLogger(PriorityLaneConsumer.class);
    /** How long {@link #close()} waits on Kafka for a commit, and to leave a group. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final String name;
    private final LaneTopics topics;
    private final LaneConsumer[] lanes = new LaneConsumer[Priority.COUNT];
    private final Thread[] threads = new Thread[Priority.COUNT];
    private final AtomicLongArray lag = new AtomicLongArray(Priority.COUNT);
    private final LaneGate gate;
    private final KafkaProducer<String, byte[]> dlqProducer;
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder busWritesLeftOut = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private boolean started;
    private boolean closed;

    PriorityLaneConsumer(KafkaLaneSettings settings, LaneTopics topics, LaneSubscription subscription,
                         MessageBus bus, TributarySerde serde, PayloadMapping mapping, String name) {
        this.name = name;
        this.topics = topics;
        this.gate = new LaneGate(settings.maxWait(), System.nanoTime());
        this.dlqProducer = new KafkaProducer<>(settings.producerConfig(), new StringSerializer(), new ByteArraySerializer());
        for (Priority p : Priority.values()) {
            String laneName = "kafka:" + name + "." + p.name().toLowerCase(java.util.Locale.ROOT);
            lanes[p.ordinal()] = new LaneConsumer(this, p, settings, topics, subscription, bus, serde, mapping, laneName);
            threads[p.ordinal()] = new Thread(lanes[p.ordinal()], "kafka-lanes-" + name + "-" + p.name().toLowerCase(java.util.Locale.ROOT));
            threads[p.ordinal()].setDaemon(true);
        }
        // a hint only: HotSpot on Linux ignores thread priorities unless run with -XX:ThreadPriorityPolicy=1,
        // and with it (measured with a LOW flood on 2 cores) CRITICAL's p99 got worse, not better: it then
        // competes at nice -5 with the JIT and GC threads, which that policy also raises
        threads[Priority.CRITICAL.ordinal()].setPriority(Thread.MAX_PRIORITY);
    }

    /** Starts the lane threads. */
    public synchronized PriorityLaneConsumer start() {
        if (started || closed) {
            throw new IllegalStateException(name + ": already started or closed");
        }
        started = true;
        for (Thread t : threads) {
            t.start();
        }
        return this;
    }

    /** Waits until every lane consumer got its partitions from the group, or {@code timeout} passed. */
    public boolean awaitAssignment(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (LaneConsumer l : lanes) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0 || !l.awaitAssignment(left)) {
                return false;
            }
        }
        return true;
    }

    AtomicLongArray lag() {
        return lag;
    }

    LaneGate gate() {
        return gate;
    }

    void fail(Throwable error) {
        failure.compareAndSet(null, error);
    }

    /**
     * The error that stopped one of the lanes' consumers (the bus refused a record because it was
     * closed, say), or null while every lane runs. A stopped lane stays stopped: its records wait in
     * Kafka for the next consumer of the group.
     */
    public Throwable failure() {
        return failure.get();
    }

    void countDuplicate() {
        duplicates.increment();
    }

    void countBusWriteLeftOut() {
        busWritesLeftOut.increment();
    }

    /**
     * Records a run's bridge sent from its bus ({@link KafkaHeaders#FROM_BUS}) that this consumer, a
     * run's read-back ({@link KafkaLanes#consumerOfEveryStream}), left out; 0 for other consumers.
     */
    public long busWritesLeftOut() {
        return busWritesLeftOut.sum();
    }

    /** @param value the record's value bytes (null for a tombstone) */
    void deadLetter(ConsumerRecord<String, ?> record, byte[] value, String reason, String error) {
        deadLettered.increment();
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(KafkaHeaders.DLQ_REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLQ_ERROR, error.getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLQ_SOURCE, (record.topic() + "/" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        dlqProducer.send(new ProducerRecord<>(topics.deadLetter(), null, record.key(), value, headers),
                (md, e) -> {
                    if (e != null) {
                        LOG.error("{}: cannot write dead letter from {}/{}@{} to {}: {}", name, record.topic(),
                                record.partition(), record.offset(), topics.deadLetter(), e.toString());
                    }
                });
    }

    /** Records of {@code lane} not yet read, as of its last fetch. */
    public long lag(Priority lane) {
        return lag.get(lane.ordinal());
    }

    /** Records handed to the bus (decoded, not duplicates), all lanes. */
    public long delivered() {
        long sum = 0;
        for (LaneConsumer l : lanes) {
            sum += l.delivered();
        }
        return sum;
    }

    public long delivered(Priority lane) {
        return lanes[lane.ordinal()].delivered();
    }

    /** Records dropped because their message id was seen recently. */
    public long duplicates() {
        return duplicates.sum();
    }

    /** Records sent to the dead-letter topics. */
    public long deadLettered() {
        return deadLettered.sum();
    }

    /** How often {@code lane} was paused because a higher lane had lag. */
    public long pauses(Priority lane) {
        return lanes[lane.ordinal()].pauses();
    }

    /** Stops polling, commits what was handed over, closes the clients, waiting up to {@link #CLOSE_WAIT} on Kafka. Idempotent. */
    @Override
    public void close() {
        close(CLOSE_WAIT);
    }

    /**
     * As {@link #close()}, waiting up to {@code kafkaWait} on Kafka for each commit and to leave the
     * groups; with zero it neither commits nor waits (Kafka is away): what was handed over since the last
     * commit is read again by the next start, as after a crash (at-least-once).
     */
    public synchronized void close(Duration kafkaWait) {
        if (closed) {
            return;
        }
        closed = true;
        if (!started) {
            for (LaneConsumer l : lanes) {
                l.closeUnstarted();
            }
        } else {
            for (LaneConsumer l : lanes) {
                l.stop(kafkaWait);
            }
            for (Thread t : threads) {
                try {
                    t.join(TimeUnit.SECONDS.toMillis(15));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        dlqProducer.close(kafkaWait);
    }
}
