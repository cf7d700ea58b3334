package io.tributary.runtime.transport.kafka;

import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamThreadFailureHandlerTest {
    private final StreamThreadFailureHandler handler = new StreamThreadFailureHandler("desk");

    private static Throwable missingTopicsAtRebalance() {
        // as the stream thread hands it over: Kafka Streams' wrapper around the assignment error
        return new StreamsException(new MissingSourceTopicException("One or more source topics were missing during rebalance"));
    }

    @Test
    void missingSourceTopicsReplaceTheThreadAFewTimesInARowThenStopTheApplication() {
        for (int i = 1; i <= StreamThreadFailureHandler.MAX_IN_A_ROW; i++) {
            assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, handler.handle(missingTopicsAtRebalance()));
            assertEquals(i, handler.replacedInARow());
        }
        assertNull(handler.failure(), "a replaced thread is not a failure");

        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT, handler.handle(missingTopicsAtRebalance()));
        assertTrue(handler.failure() instanceof MissingSourceTopicException, String.valueOf(handler.failure()));
        assertTrue(handler.failure().getMessage().contains("Kafka Streams of topology desk did not see its source topics at 6"
                + " rebalances in a row: do they exist?"), handler.failure().getMessage());
        assertEquals(StreamThreadFailureHandler.MAX_IN_A_ROW, handler.replacements());
    }

    @Test
    void runningAgainStartsTheCountAfresh() {
        for (int outage = 0; outage < 3; outage++) {
            for (int i = 0; i < StreamThreadFailureHandler.MAX_IN_A_ROW; i++) {
                assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, handler.handle(missingTopicsAtRebalance()),
                        "outage " + outage + ", replacement " + i);
            }
            handler.running();
            assertEquals(0, handler.replacedInARow());
        }
        assertNull(handler.failure());
        assertEquals(3 * StreamThreadFailureHandler.MAX_IN_A_ROW, handler.replacements());
    }

    @Test
    void anyOtherFailureStopsTheApplicationAtOnce() {
        IllegalStateException bug = new IllegalStateException("a processor threw");
        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT, handler.handle(new StreamsException(bug)));
        assertSame(bug, handler.failure().getCause());
        assertEquals(0, handler.replacements());
    }
}
