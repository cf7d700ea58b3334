package io.tributary.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The Avro single-object encoding header (Avro specification, "Single-object encoding"):
 * {@code C3 01}, then the CRC-64-AVRO fingerprint of the writer schema's parsing canonical form as
 * 8 bytes little-endian, then the Avro binary encoding of the record. The same bytes as Avro's
 * {@code BinaryMessageEncoder}.
 */
public final class SingleObjectEncoding {

    /** First marker byte. */
    public static final byte MARKER_0 = (byte) 0xC3;
    /** Second marker byte (format version 1). */
    public static final byte MARKER_1 = (byte) 0x01;
    /** Marker plus fingerprint. */
    public static final int HEADER_LENGTH = 10;

    private SingleObjectEncoding() {
    }

    /** CRC-64-AVRO of the parsing canonical form: docs, defaults and Java properties do not count. */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /** The 10 header bytes for a writer schema with this fingerprint. */
    public static byte[] header(long fingerprint) {
        byte[] h = new byte[HEADER_LENGTH];
        h[0] = MARKER_0;
        h[1] = MARKER_1;
        for (int i = 0; i < 8; i++) {
            h[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        return h;
    }

    /**
     * The fingerprint in the header of {@code bytes[offset, offset+length)}.
     *
     * @throws MessageDecodingException TRUNCATED if shorter than the header, BAD_MAGIC if the marker is wrong
     */
    public static long readFingerprint(byte[] bytes, int offset, int length) {
        if (length < HEADER_LENGTH) {
            throw MessageDecodingException.of(MessageDecodingException.Reason.TRUNCATED,
                    "message of " + length + " bytes is shorter than the " + HEADER_LENGTH
                            + "-byte Avro single-object header", length);
        }
        if (bytes[offset] != MARKER_0 || bytes[offset + 1] != MARKER_1) {
            throw MessageDecodingException.of(MessageDecodingException.Reason.BAD_MAGIC,
                    String.format("not Avro single-object encoding: first bytes are %02X %02X, expected C3 01",
                            bytes[offset] & 0xFF, bytes[offset + 1] & 0xFF), 0);
        }
        long fp = 0;
        for (int i = 7; i >= 0; i--) {
            fp = (fp << 8) | (bytes[offset + 2 + i] & 0xFFL);
        }
        return fp;
    }

    /** Fingerprint as Avro tools print it: 16 hex digits, most significant first. */
    public static String toHex(long fingerprint) {
        return String.format("%016x", fingerprint);
    }
}
