package io.tributary.runtime.transport.kafka;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * Record headers Tributary puts on Kafka. A record carries one: its message id, an 8-byte big-endian
 * long (every header costs about 20 bytes per record on the wire and objects in every consumer, so
 * the publish time is left to the payload's own {@code tsInit} and Kafka's record timestamp). What a
 * run's bridge sends from its bus carries {@link #FROM_BUS} as well. Dead-letter headers are UTF-8 text.
 */
public final class KafkaHeaders {
    /** Message id, unique per publisher instance: a redelivered id is dropped by the consumer. */
    public static final String MESSAGE_ID = "tributary.id";
    /**
     * On records a run sent from its in-process bus (one byte, 1). That bus delivered them already, so
     * the run's read-back leaves them out; Kafka Streams' sinks drop the header from what they write,
     * which is read back.
     */
    public static final String FROM_BUS = "tributary.from-bus";
    /** Dead letters: the {@code MessageDecodingException.Reason} (e.g. {@code BAD_MAGIC}). */
    public static final String DLQ_REASON = "tributary.dlq.reason";
    /** Dead letters: the exception's message. */
    public static final String DLQ_ERROR = "tributary.dlq.error";
    /** Dead letters: where the record came from, {@code topic/partition@offset}. */
    public static final String DLQ_SOURCE = "tributary.dlq.source";

    private KafkaHeaders() {
    }

    /** A long header's value: 8 bytes, big-endian (what {@link #readLong} reads). */
    public static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    /** The long header {@code name}, or {@code absent} if missing or not 8 bytes. */
    public static long readLong(Headers headers, String name, long absent) {
        Header h = headers.lastHeader(name);
        if (h == null || h.value() == null || h.value().length != 8) {
            return absent;
        }
        byte[] b = h.value();
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }

    /** The text header {@code name}, or null. */
    public static String readString(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
