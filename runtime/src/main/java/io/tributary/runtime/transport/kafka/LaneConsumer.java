package io.tributary.runtime.transport.kafka;

import io.tributary.runtime.transport.RecentIds;
import io.tributary.api.MessageBus;
import io.tributary.api.Priority;
import io.tributary.runtime.transport.DecodingIngress;
import io.tributary.runtime.transport.avro.PayloadMapping;
import io.tributary.schemas.serde.MessageDecodingException;
import io.tributary.schemas.serde.TributarySerde;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteBufferDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * One lane of a {@link PriorityLaneConsumer}: its own {@link KafkaConsumer} and thread, so records
 * buffered for a lower lane never sit in front of a CRITICAL one (a single consumer returns completed
 * fetches in arrival order). Before each poll it asks the shared {@link LaneGate} whether it may fetch
 * and pauses or resumes its partitions; after each poll it publishes its lag for the other lanes.
 *
 * <p>A lane that fetches blocks in {@code poll} until records arrive (up to {@link #FETCHING_POLL_MILLIS}):
 * an arriving record ends the poll at once, so a longer wait costs no latency, while waking every few
 * milliseconds cost each idle lane a thread wake-up and a pass through the consumer's poll loop, on a
 * machine where every wake-up competes for a core with the ones that carry records. Only a held-back
 * lane polls briefly ({@code pollTimeout}): it must notice soon that the higher lanes caught up or that
 * its max wait ran out.
 */
final class LaneConsumer implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LaneConsumer.class);
    private static final long COMMIT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Longest poll of a lane that fetches; records end it sooner. Also bounds how late trailing offsets are committed. */
    static final long FETCHING_POLL_MILLIS = 100;
    private static final Duration FETCHING_POLL = Duration.ofMillis(FETCHING_POLL_MILLIS);

    private final PriorityLaneConsumer owner;
    private final int lane;
    private final Priority priority;
    private final LaneTopics topics;
    private final LaneSubscription subscription;
    private final boolean leavesOutBusWrites;
    private final TributarySerde serde;
    private final PayloadMapping mapping;
    /** Values stay in the fetch buffer (a slice each, no copy) until decoded. */
    private final KafkaConsumer<String, ByteBuffer> consumer;
    private final DecodingIngress ingress;
    private final RecentIds recentIds;
    private final Duration pollTimeout;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final long[] lagView = new long[Priority.COUNT];
    private final LongAdder delivered = new LongAdder();
    private final LongAdder pauses = new LongAdder();
    private boolean paused;
    private long rejectedSeen;
    private volatile boolean running = true;
    /** How long stopping waits on Kafka to commit and leave the group; zero: neither (Kafka is away). */
    private volatile Duration kafkaWait = PriorityLaneConsumer.CLOSE_WAIT;
    /**
     * A failed asynchronous commit is covered by the next one (or the commit on revocation and at stop);
     * Kafka's default callback logged each at ERROR with a stack trace, so an outage's first moments
     * filled the log with traces of failures that needed nothing done.
     */
    private final OffsetCommitCallback commitFailed = (offsets, e) -> {
        if (e instanceof RetriableException) {
            LOG.debug("{}: commit failed, the next one covers it: {}", Thread.currentThread().getName(), e.toString());
        } else if (e != null) {
            LOG.warn("{}: commit failed, the next one covers it: {}", Thread.currentThread().getName(), e.toString());
        }
    };

    LaneConsumer(PriorityLaneConsumer owner, Priority priority, KafkaLaneSettings settings, LaneTopics topics,
                 LaneSubscription subscription, MessageBus bus, TributarySerde serde, PayloadMapping mapping,
                 String name) {
        this.owner = owner;
        this.lane = priority.ordinal();
        this.priority = priority;
        this.topics = topics;
        this.subscription = subscription;
        this.leavesOutBusWrites = subscription.leavesOutBusWrites();
        this.serde = serde;
        this.mapping = mapping;
        this.consumer = new KafkaConsumer<>(subscription.consumerConfig(settings.consumerConfig(topics.groupId(priority))),
                new StringDeserializer(), new ByteBufferDeserializer());
        this.ingress = new DecodingIngress(name, bus, serde, mapping);
        this.recentIds = new RecentIds(settings.recentIds());
        this.pollTimeout = settings.pollTimeout();
    }

    @Override
    public void run() {
        subscription.subscribe(consumer, topics, priority, new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                commitQuietly();
                // a poll may return between revocation and the next assignment (a rebalance that takes
                // longer than the poll): lag, pause and resume must not touch partitions no longer held
                partitions.removeAll(revoked);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> added) {
                partitions.clear();
                partitions.addAll(consumer.assignment());
                paused = false;   // a new assignment starts resumed
                assigned.countDown();
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> lost) {
                partitions.removeAll(lost);
            }
        });
        long lastCommit = System.nanoTime();
        boolean uncommitted = false;
        try {
            while (running) {
                applyGate();
                ConsumerRecords<String, ByteBuffer> records = consumer.poll(paused ? pollTimeout : FETCHING_POLL);
                if (!records.isEmpty()) {
                    uncommitted = true;
                    for (TopicPartition tp : records.partitions()) {
                        String stream = topics.streamOf(tp.topic());
                        List<ConsumerRecord<String, ByteBuffer>> batch = records.records(tp);
                        for (int i = 0; i < batch.size(); i++) {
                            handle(batch.get(i), stream);
                        }
                    }
                }
                publishLag();
                long now = System.nanoTime();
                if (uncommitted && now - lastCommit >= COMMIT_INTERVAL_NANOS) {
                    consumer.commitAsync(commitFailed);
                    lastCommit = now;
                    uncommitted = false;
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("{}: unexpected wakeup", Thread.currentThread().getName(), e);
            }
        } catch (RuntimeException e) {
            LOG.error("{}: lane consumer stopped", Thread.currentThread().getName(), e);
            owner.fail(e);
        } finally {
            commitQuietly();
            owner.lag().set(lane, 0);
            consumer.close(kafkaWait);
        }
    }

    private void handle(ConsumerRecord<String, ByteBuffer> record, String stream) {
        if (leavesOutBusWrites && record.headers().lastHeader(KafkaHeaders.FROM_BUS) != null) {
            owner.countBusWriteLeftOut();
            return;
        }
        long id = KafkaHeaders.readLong(record.headers(), KafkaHeaders.MESSAGE_ID, Long.MIN_VALUE);
        if (id != Long.MIN_VALUE && !recentIds.add(id)) {
            owner.countDuplicate();
            return;
        }
        ByteBuffer value = record.value();
        if (value == null) {
            owner.deadLetter(record, null, "NULL_VALUE", "a record without a value (tombstone) on a lane topic");
            return;
        }
        int start = value.position();
        if (ingress.ingest(stream, record.key(), value, priority, PriorityLaneConsumer.ORIGIN_HEADERS)) {
            delivered.increment();
            return;
        }
        long rejected = ingress.rejectedCount();   // only this thread feeds this ingress
        if (rejected == rejectedSeen) {
            delivered.increment();   // decoded and handed over; the bus's lane refused it and counts that
            return;
        }
        rejectedSeen = rejected;
        byte[] bytes = new byte[value.limit() - start];
        value.get(start, bytes);
        String reason = "UNKNOWN";
        String error = "rejected by the decoding ingress";
        try {   // only on this rare path: recover the reason for the Kafka DLQ
            mapping.fromAvro(serde.decode(bytes));
        } catch (MessageDecodingException e) {
            reason = e.reason().name();
            error = String.valueOf(e.getMessage());
        } catch (RuntimeException e) {
            reason = DecodingIngress.UNMAPPABLE;
            error = String.valueOf(e.getMessage());
        }
        owner.deadLetter(record, bytes, reason, error);
    }

    private void applyGate() {
        if (partitions.isEmpty()) {
            return;
        }
        for (int i = 0; i < Priority.COUNT; i++) {
            lagView[i] = owner.lag().get(i);
        }
        boolean open = owner.gate().mayFetch(lane, lagView, System.nanoTime());
        if (open && paused) {
            consumer.resume(partitions);
            paused = false;
        } else if (!open && !paused) {
            consumer.pause(partitions);
            paused = true;
            pauses.increment();
        }
    }

    /** Lag from the last fetch response's log end (no request); a paused lane keeps its last value. */
    private void publishLag() {
        long sum = 0;
        for (int i = 0; i < partitions.size(); i++) {
            OptionalLong l = consumer.currentLag(partitions.get(i));
            if (l.isPresent()) {
                sum += l.getAsLong();
            }
        }
        owner.lag().lazySet(lane, sum);
    }

    private void commitQuietly() {
        Duration wait = kafkaWait;
        if (wait.isZero()) {
            return;   // stopping while Kafka is away (also on the revocation that closing makes)
        }
        try {
            try {
                consumer.commitSync(wait);
            } catch (WakeupException pendingStop) {
                consumer.commitSync(wait);   // stop()'s wakeup hit the commit, not a poll
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: commit failed: {}", Thread.currentThread().getName(), e.toString());
        }
    }

    boolean awaitAssignment(long timeoutMillis) throws InterruptedException {
        return assigned.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    long delivered() {
        return delivered.sum();
    }

    long pauses() {
        return pauses.sum();
    }

    /** @param kafkaWait how long to wait on Kafka to commit and leave the group; zero: neither */
    void stop(Duration kafkaWait) {
        this.kafkaWait = kafkaWait;
        running = false;
        consumer.wakeup();
    }


    /** For a consumer whose thread never started. */
    void closeUnstarted() {
        consumer.close(Duration.ZERO);
    }
}
