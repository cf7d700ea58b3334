package io.tributary.runtime.transport.kafka;

import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One running Kafka Streams instance of a {@link KafkaPlan}. Close it to leave the group. */
public final class RunningKafkaPlan implements AutoCloseable {
    /** How long {@link #close()} waits for Kafka Streams' threads. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(15);
    private final String name;
    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private final StreamThreadFailureHandler threadFailures;

    RunningKafkaPlan(String name, KafkaStreams streams) {
        this.name = name;
        this.streams = streams;
        this.threadFailures = new StreamThreadFailureHandler(name);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
                threadFailures.running();
            }
        });
        streams.setUncaughtExceptionHandler(threadFailures);
        streams.start();
    }

    /** Waits until Kafka Streams reached RUNNING (partitions assigned) at least once. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The exception that stopped a stream thread (e.g. a value that is not an Avro record), or null. */
    public Throwable failure() {
        return threadFailures.failure();
    }

    /** Stream threads replaced after a rebalance that did not see the source topics ({@link StreamThreadFailureHandler}). */
    public long threadsReplaced() {
        return threadFailures.replacements();
    }

    /** Such replacements since Kafka Streams was last RUNNING: above 0, processing waits for a rebalance. */
    public int threadsReplacedInARow() {
        return threadFailures.replacedInARow();
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        close(CLOSE_WAIT);
    }

    /**
     * Stops Kafka Streams, waiting up to {@code wait} for its threads (which commit on the way); past it
     * they finish in the background.
     */
    public void close(Duration wait) {
        streams.close(wait);
    }
}
