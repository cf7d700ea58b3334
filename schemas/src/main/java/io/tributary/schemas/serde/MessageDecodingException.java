package io.tributary.schemas.serde;

import java.util.OptionalLong;

/**
 * Bytes that are not a decodable Tributary message. A transport sends such a message to the
 * dead-letter topic; {@link #reason()} says which kind of damage it is, the message names the
 * fingerprint and the offset where they are known.
 */
public final class MessageDecodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the bytes could not be decoded. */
    public enum Reason {
        /** Shorter than the 10-byte single-object header, or the body ends inside a value. */
        TRUNCATED,
        /** The first two bytes are not the single-object marker {@code C3 01}: not Avro single-object encoding. */
        BAD_MAGIC,
        /** Well-formed header, but no known schema has this fingerprint (a newer writer, or another system's data). */
        UNKNOWN_FINGERPRINT,
        /** The schema is known but the caller asked for another record type. */
        UNEXPECTED_TYPE,
        /** The writer schema is known but cannot be resolved to the registered class's schema (an incompatible change). */
        INCOMPATIBLE_SCHEMA,
        /** The body does not decode with the writer schema: bad varint, negative length, union or enum index out of range, trailing bytes. */
        CORRUPT
    }

    /** Offset value meaning "unknown". */
    public static final int UNKNOWN_OFFSET = -1;

    private final Reason reason;
    private final boolean hasFingerprint;
    private final long fingerprint;
    private final int offset;

    MessageDecodingException(Reason reason, String message, boolean hasFingerprint, long fingerprint, int offset,
                             Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.hasFingerprint = hasFingerprint;
        this.fingerprint = fingerprint;
        this.offset = offset;
    }

    static MessageDecodingException of(Reason reason, String message, int offset) {
        return new MessageDecodingException(reason, message, false, 0L, offset, null);
    }

    static MessageDecodingException of(Reason reason, String message, long fingerprint, int offset, Throwable cause) {
        return new MessageDecodingException(reason, message, true, fingerprint, offset, cause);
    }

    public Reason reason() {
        return reason;
    }

    /** The writer-schema fingerprint from the header, if the header was readable. */
    public OptionalLong fingerprint() {
        return hasFingerprint ? OptionalLong.of(fingerprint) : OptionalLong.empty();
    }

    /**
     * Offset from the start of the message (the first header byte) where decoding failed, or
     * {@link #UNKNOWN_OFFSET}.
     */
    public int offset() {
        return offset;
    }
}
