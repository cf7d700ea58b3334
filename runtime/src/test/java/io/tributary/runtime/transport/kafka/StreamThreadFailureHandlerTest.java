package io.tributary.runtime.transport.kafka;

import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamThreadFailureHandlerTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final StreamThreadFailureHandler handler = new StreamThreadFailureHandler("desk", now::get);

    private static Throwable missingTopicsAtRebalance() {
        // as the stream thread hands it over: Kafka Streams' wrapper around the assignment error
        return new StreamsException(new MissingSourceTopicException("One or more source topics were missing during rebalance"));
    }

    @Test
    void missingSourceTopicsReplaceTheThreadAFewTimesThenStopTheApplication() {
        for (int i = 0; i < StreamThreadFailureHandler.MAX_REPLACEMENTS; i++) {
            assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, handler.handle(missingTopicsAtRebalance()));
            now.addAndGet(1_000_000_000L);
        }
        assertNull(handler.failure(), "a replaced thread is not a failure");
        assertEquals(StreamThreadFailureHandler.MAX_REPLACEMENTS, handler.replacements());

        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT, handler.handle(missingTopicsAtRebalance()));
        assertTrue(handler.failure() instanceof MissingSourceTopicException, String.valueOf(handler.failure()));
        assertTrue(handler.failure().getMessage().contains("Kafka Streams of topology desk did not see its source topics at 6"
                + " rebalances within 120 s: do they exist?"), handler.failure().getMessage());
    }

    @Test
    void replacementsOlderThanTheWindowDoNotCount() {
        for (int i = 0; i < 3 * StreamThreadFailureHandler.MAX_REPLACEMENTS; i++) {
            assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, handler.handle(missingTopicsAtRebalance()),
                    "outage " + i + ", each a window after the last");
            now.addAndGet(StreamThreadFailureHandler.WINDOW.toNanos() / 2 + 1);
        }
        assertNull(handler.failure());
        assertEquals(3 * StreamThreadFailureHandler.MAX_REPLACEMENTS, handler.replacements());
    }

    @Test
    void anyOtherFailureStopsTheApplicationAtOnce() {
        IllegalStateException bug = new IllegalStateException("a processor threw");
        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT, handler.handle(new StreamsException(bug)));
        assertSame(bug, handler.failure().getCause());
        assertEquals(0, handler.replacements());
    }
}
