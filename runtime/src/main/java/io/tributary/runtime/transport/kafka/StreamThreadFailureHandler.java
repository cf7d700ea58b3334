package io.tributary.runtime.transport.kafka;

import io.tributary.runtime.transport.CauseChain;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * What a failed Kafka Streams thread means for the run. A rebalance right after Kafka was away can
 * find the group leader's metadata still empty (Kafka's clients re-bootstrap while no broker answers,
 * forgetting the topics they knew): the assignment then fails with {@link MissingSourceTopicException}
 * for topics that exist, and the stream thread dies with it, which stopped the whole application.
 * Kafka Streams' own log says to wait for the metadata; a new thread, whose consumer joins with fresh
 * metadata, does that. So such a failure replaces the thread, by default up to {@link #MAX_REPLACEMENTS}
 * times within {@link #WINDOW} (topics that are really gone fail the run within seconds); anything else stops
 * the application, and the run with it, saying why.
 */
final class StreamThreadFailureHandler implements StreamsUncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailureHandler.class);
    static final int MAX_REPLACEMENTS = 5;
    static final Duration WINDOW = Duration.ofMinutes(2);

    private final String topology;
    private final int maxReplacements;
    private final Duration window;
    private final LongSupplier nanoClock;
    private final ArrayDeque<Long> replaced = new ArrayDeque<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private long replacements;

    /** @param topology named in the log and the failure */
    StreamThreadFailureHandler(String topology, LongSupplier nanoClock) {
        this(topology, MAX_REPLACEMENTS, WINDOW, nanoClock);
    }

    StreamThreadFailureHandler(String topology, int maxReplacements, Duration window, LongSupplier nanoClock) {
        this.topology = topology;
        this.maxReplacements = maxReplacements;
        this.window = window;
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        if (missingSourceTopics(exception)) {
            long now = nanoClock.getAsLong();
            while (!replaced.isEmpty() && now - replaced.peekFirst() > window.toNanos()) {
                replaced.pollFirst();
            }
            if (replaced.size() < maxReplacements) {
                replaced.addLast(now);
                replacements++;
                LOG.warn("Kafka Streams of topology {} did not see its source topics at a rebalance ({}), as happens right after"
                        + " Kafka was away; replacing the stream thread ({} of at most {} within {} s)", topology,
                        CauseChain.describe(exception), replaced.size(), maxReplacements, window.toSeconds());
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            failure.compareAndSet(null, new MissingSourceTopicException("Kafka Streams of topology " + topology + " did not see its"
                    + " source topics at " + (maxReplacements + 1) + " rebalances within " + window.toSeconds()
                    + " s: do they exist? (" + CauseChain.describe(exception) + ")"));
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        failure.compareAndSet(null, exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    private static boolean missingSourceTopics(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MissingSourceTopicException) {
                return true;
            }
        }
        return false;
    }

    /** The failure that stopped the application, or null. */
    Throwable failure() {
        return failure.get();
    }

    /** Stream threads replaced so far. */
    synchronized long replacements() {
        return replacements;
    }
}
