package io.tributary.runtime.transport.kafka;

import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;
import io.tributary.runtime.config.TransportSettings;
import io.tributary.runtime.transport.FullQueuePolicy;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.jctools.queues.MpmcArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends a run's bus messages to their lane topics without holding the bus up while Kafka is away.
 *
 * <p>Kafka's producer is asynchronous except in one place: {@code send} waits for a topic's metadata
 * and for buffer space, up to {@code max.block.ms}. Once its broker is gone the producer forgets the
 * partitions' leaders and every send waits that long: with Kafka's default a bus publisher (the bridge
 * subscribes inline) stood still for 60 s per message. So a run's lane producer waits at most
 * {@link #SEND_BLOCK} (unless the client properties set {@code max.block.ms}); a send refused that way,
 * and every message after it until Kafka takes records again, waits in a bounded outbox per lane that
 * one thread drains, CRITICAL first, retrying with back-off. A full lane applies its overflow policy
 * ({@code tributary.transport.kafka.outbox}): BLOCK makes the publisher wait up to the block timeout
 * for room, then refuses; DROP_OLDEST and CONFLATE drop the oldest; REJECT refuses; each counted and
 * logged. Kafka's I/O thread, handing back a record it failed, never waits: it drops the oldest. The first message of a stream not sent to before waits there too while the
 * drainer makes its lane topics ({@link LaneTopicProvisioner}: admin calls, which a Kafka that is away
 * would stretch to a minute). A record Kafka fails after accepting it (a retriable error after
 * {@code delivery.timeout.ms}) joins the back of its lane's outbox again, with its id, so consumers
 * drop it should the first attempt have landed; one Kafka refuses for good (too large, not
 * authorised) is counted and logged. From a refusal until the outbox empties the bridge is not
 * {@link #healthy()}.
 */
final class KafkaBridge implements AutoCloseable {
    /** How long a send may wait for metadata or buffer space before its message goes to the outbox. */
    static final Duration SEND_BLOCK = Duration.ofMillis(50);
    /** How long closing waits for the outbox to empty into a Kafka that is back. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    private static final long MIN_BACKOFF_NANOS = 10_000_000L;
    private static final long MAX_BACKOFF_NANOS = 1_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBridge.class);

    /**
     * One message on its way, and the callback of its direct send; its id is fixed at its first
     * attempt. {@code sender} tells a refusal on the publisher's thread (which may wait for room) from
     * a failure on Kafka's I/O thread (which must not).
     */
    private final class Pending implements Callback {
        final Thread sender = Thread.currentThread();
        final String stream;
        /** Null until the drainer has made the lane topics of a stream not sent to before. */
        String topic;
        final String key;
        final byte[] value;
        final long id;
        final Priority lane;

        Pending(String stream, String topic, String key, byte[] value, long id, Priority lane) {
            this.stream = stream;
            this.topic = topic;
            this.key = key;
            this.value = value;
            this.id = id;
            this.lane = lane;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception e) {
            completed(this, e, Thread.currentThread() == sender);
        }
    }

    private final KafkaLanePublisher publisher;
    private final String bootstrap;
    @SuppressWarnings("unchecked")
    private final MpmcArrayQueue<Pending>[] outbox = new MpmcArrayQueue[Priority.COUNT];
    /**
     * Messages in the outbox, being offered to it, or in the drainer's hand: while above 0, new
     * messages queue behind them.
     */
    private final AtomicLong waiting = new AtomicLong();
    private final LongAdder sent = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final TransportSettings.Kafka.Outbox settings;
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<Exception> lastError = new AtomicReference<>();
    private final Thread drainer;
    private volatile boolean running = true;
    /** Kafka refused a send and the outbox has not emptied since. */
    private volatile boolean away;

    KafkaBridge(KafkaLanePublisher publisher, String bootstrap, TransportSettings.Kafka.Outbox settings) {
        this.publisher = publisher;
        this.bootstrap = bootstrap;
        this.settings = settings;
        for (Priority p : Priority.values()) {
            outbox[p.ordinal()] = new MpmcArrayQueue<>(Math.max(2, settings.limit()));
        }
        drainer = new Thread(this::drain, "kafka-bridge-outbox");
        drainer.setDaemon(true);
        drainer.start();
    }

    /**
     * Sends at once while nothing waits, else queues behind what does. Waits on Kafka at most
     * {@link #SEND_BLOCK}; on a full BLOCK lane, up to the outbox's block timeout for room.
     */
    void send(String stream, String key, SpecificRecord record, Priority lane) {
        Pending p = new Pending(stream, publisher.knownLaneTopic(stream, lane), key, publisher.encode(record),
                publisher.nextId(), lane);
        if (waiting.get() == 0 && p.topic != null) {
            publisher.sendFromBus(p.topic, p.key, p.value, p.id, p);
        } else {
            enqueue(p, null, true);
        }
    }

    /**
     * Kafka's verdict on one record. The producer reports a wait it gave up at once, on the sending
     * thread (before {@code send} returns), and a record it failed later on its I/O thread.
     */
    private void completed(Pending p, Exception e, boolean mayWait) {
        if (e == null) {
            sent.increment();
            return;
        }
        lastError.set(e);
        if (!running) {   // the run stops, the publisher failed what it still held: counted in close()
            dropped.increment();
            return;
        }
        if (!(e instanceof RetriableException)) {
            failed.increment();
            LOG.error("Kafka at {} refused a bus message for {} for good ({}); it is dropped and counted as"
                    + " kafka.not-delivered", bootstrap, p.topic, e.toString());
        } else {
            enqueue(p, e, mayWait);
        }
    }

    /**
     * @param refusal why Kafka did not take it, or null when it queues behind others or for its topics
     * @param mayWait on a publisher's thread: a full BLOCK lane may make it wait
     */
    private void enqueue(Pending p, Exception refusal, boolean mayWait) {
        if (refusal != null) {
            markAway(refusal);
        }
        MpmcArrayQueue<Pending> q = outbox[p.lane.ordinal()];
        waiting.incrementAndGet();
        if (!q.offer(p) && !FullQueuePolicy.offer(q, p, mayWait ? settings.overflow().get(p.lane) : OverflowPolicy.DROP_OLDEST,
                settings.blockTimeout(), () -> running, () -> LockSupport.unpark(drainer), this::droppedOldest)) {
            waiting.decrementAndGet();
            if (refused.sum() == 0) {
                LOG.error("the Kafka outbox of lane {} is full ({} messages, overflow {}): messages are refused,"
                        + " counted as kafka.refused", p.lane, q.capacity(), settings.overflow().get(p.lane));
            }
            refused.increment();
        }
        LockSupport.unpark(drainer);
    }

    private void droppedOldest() {
        waiting.decrementAndGet();
        if (dropped.sum() == 0) {
            LOG.error("a Kafka outbox lane is full ({} messages): its oldest are dropped, counted as kafka.dropped",
                    outbox[0].capacity());
        }
        dropped.increment();
    }

    /**
     * Takes the next message, CRITICAL first, and keeps it in hand until Kafka takes it (a full lane
     * drops the oldest it still holds, never the one being sent).
     */
    private void drain() {
        long backoff = MIN_BACKOFF_NANOS;
        Pending inHand = null;
        while (running) {
            if (inHand == null) {
                inHand = next();
            }
            if (inHand == null) {
                LockSupport.parkNanos(MAX_BACKOFF_NANOS);   // woken by the next enqueue
                continue;
            }
            if (inHand.topic == null) {
                inHand.topic = publisher.laneTopic(inHand.stream, inHand.lane);   // a stream's first record: may take a while
            }
            Attempt attempt = new Attempt(inHand);
            publisher.sendFromBus(inHand.topic, inHand.key, inHand.value, inHand.id, attempt);
            attempt.accepted = true;
            Exception refusal = attempt.refused;
            if (refusal instanceof RetriableException) {   // the producer gave up waiting: Kafka is (still) away
                markAway(refusal);
                LockSupport.parkNanos(backoff);
                backoff = Math.min(MAX_BACKOFF_NANOS, backoff * 2);
                continue;
            }
            if (refusal != null) {
                completed(inHand, refusal, false);   // refused for good: counted and logged there
            }
            backoff = MIN_BACKOFF_NANOS;
            inHand = null;
            if (waiting.decrementAndGet() == 0 && away) {
                away = false;
                LOG.info("Kafka at {} takes records again; the outbox is empty", bootstrap);
            }
        }
    }

    private Pending next() {
        for (MpmcArrayQueue<Pending> lane : outbox) {
            Pending p = lane.poll();
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private void markAway(Exception refusal) {
        lastError.set(refusal);
        if (!away) {
            away = true;
            LOG.warn("Kafka at {} is not taking records ({}); bus messages wait in the outbox (up to {} per lane)",
                    bootstrap, refusal.toString(), outbox[0].capacity());
        }
    }

    /**
     * One send from the outbox. A refusal before {@code send} returned (the producer gave up waiting)
     * leaves the message in the drainer's hand for the next try; a failure after the producer took it
     * is a verdict like any other.
     */
    private final class Attempt implements Callback {
        private final Pending pending;
        volatile boolean accepted;
        volatile Exception refused;

        Attempt(Pending pending) {
            this.pending = pending;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception e) {
            if (e != null && !accepted) {
                refused = e;
            } else {
                completed(pending, e, false);   // Kafka's I/O thread, or the drainer's: neither waits
            }
        }
    }

    /** Messages Kafka acknowledged. */
    long sent() {
        return sent.sum();
    }

    /** Messages waiting for Kafka in the outbox. */
    long waiting() {
        return waiting.get();
    }

    /** Oldest messages dropped from a full DROP_OLDEST or CONFLATE lane, or not acknowledged when the run stopped. */
    long dropped() {
        return dropped.sum();
    }

    /** Messages a full BLOCK (after the block timeout) or REJECT lane refused. */
    long refused() {
        return refused.sum();
    }

    /** Messages Kafka refused for good (not retriable). */
    long failed() {
        return failed.sum();
    }

    /**
     * Kafka took what was last offered to it, or the outbox emptied since it refused (messages may
     * wait for a new stream's topics meanwhile).
     */
    boolean healthy() {
        return !away;
    }

    /** Why the last send failed, or null. */
    Exception lastError() {
        return lastError.get();
    }

    /**
     * Gives the outbox up to {@code grace} to empty, stops the drainer, and closes the publisher with
     * what is left of {@code grace} for its acknowledgements. What still waited in the outbox, and what
     * the publisher held unacknowledged, is dropped (counted) and logged once.
     */
    void close(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (waiting.get() > 0 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(10_000_000L);
        }
        running = false;
        LockSupport.unpark(drainer);
        try {
            drainer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long inOutbox = waiting.getAndSet(0);
        dropped.add(inOutbox);
        long before = dropped.sum();
        publisher.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        long unacknowledged = dropped.sum() - before;
        if (inOutbox + unacknowledged > 0) {
            LOG.error("{} bus message(s) had not reached Kafka at {} when the run stopped ({} waiting in the outbox,"
                    + " not sent; {} sent but not acknowledged, which may have landed); counted as kafka.dropped",
                    inOutbox + unacknowledged, bootstrap, inOutbox, unacknowledged);
        }
    }

    @Override
    public void close() {
        close(CLOSE_GRACE);
    }
}
