package io.tributary.runtime.transport.kafka;

import io.tributary.runtime.transport.CauseChain;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicReference;

/**
 * What a failed Kafka Streams thread means for the run. A rebalance right after Kafka was away can
 * find the group leader's metadata still empty (Kafka's clients re-bootstrap while no broker answers,
 * forgetting the topics they knew): the assignment then fails with {@link MissingSourceTopicException}
 * for topics that exist, and the stream thread dies with it, which stopped the whole application.
 * Kafka Streams' own log says to wait for the metadata; a new thread, whose consumer joins with fresh
 * metadata, does that. So such a failure replaces the thread, up to {@link #MAX_IN_A_ROW} times in a
 * row before the application is RUNNING again ({@link #running()}): topics that are really gone stop
 * the run after that many rebalances, each of which waits for the dead thread's membership to expire
 * ({@code session.timeout.ms}). Anything else stops the application, and the run with it, saying why.
 */
final class StreamThreadFailureHandler implements StreamsUncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailureHandler.class);
    static final int MAX_IN_A_ROW = 5;

    private final String topology;
    private final int maxInARow;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private int inARow;
    private long replacements;

    /** @param topology named in the log and the failure */
    StreamThreadFailureHandler(String topology) {
        this(topology, MAX_IN_A_ROW);
    }

    StreamThreadFailureHandler(String topology, int maxInARow) {
        this.topology = topology;
        this.maxInARow = maxInARow;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        if (missingSourceTopics(exception)) {
            if (inARow < maxInARow) {
                inARow++;
                replacements++;
                LOG.warn("Kafka Streams of topology {} did not see its source topics at a rebalance ({}), as happens right after"
                        + " Kafka was away; replacing the stream thread ({} of at most {} in a row)", topology,
                        CauseChain.describe(exception), inARow, maxInARow);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            failure.compareAndSet(null, new MissingSourceTopicException("Kafka Streams of topology " + topology + " did not see its"
                    + " source topics at " + (maxInARow + 1) + " rebalances in a row: do they exist? ("
                    + CauseChain.describe(exception) + ")"));
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

    /** Kafka Streams is RUNNING: the replacements so far did their job. */
    synchronized void running() {
        if (inARow > 0) {
            LOG.info("Kafka Streams of topology {} runs again after {} stream thread replacement(s)", topology, inARow);
            inARow = 0;
        }
    }

    /** Replacements since Kafka Streams was last RUNNING: above 0, a replaced thread waits for its rebalance. */
    synchronized int replacedInARow() {
        return inARow;
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
