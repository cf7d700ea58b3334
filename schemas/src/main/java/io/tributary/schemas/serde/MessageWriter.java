package io.tributary.schemas.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

import org.apache.avro.generic.IndexedRecord;

/**
 * Encodes records as Avro single-object messages, reusing one encoder and one scratch array:
 * encoding a record allocates nothing once the scratch array has grown to the largest message.
 *
 * <p>Not thread-safe: one writer per thread ({@link TributarySerde#newWriter()}). Records may be
 * generated {@code SpecificRecord}s or {@code GenericRecord}s.
 */
public final class MessageWriter {

    private static final int INITIAL_SCRATCH = 256;

    private final CodecRegistry registry;
    private final ByteArrayBinaryEncoder encoder = new ByteArrayBinaryEncoder(INITIAL_SCRATCH);
    private byte[] scratch = encoder.buffer();

    MessageWriter(CodecRegistry registry) {
        this.registry = registry;
    }

    /**
     * Encodes into {@code dest} starting at {@code offset}.
     *
     * @return the number of bytes written
     * @throws BufferOverflowException if the message does not fit in {@code dest[offset, dest.length)};
     *                                 use {@link #encodeToScratch} when the size is not bounded
     * @throws MessageEncodingException if the record cannot be encoded (naming the field)
     */
    public int encode(IndexedRecord record, byte[] dest, int offset) {
        Objects.checkFromIndexSize(offset, 0, dest.length);
        encoder.reset(dest, offset, dest.length, false);
        write(record);
        return encoder.position() - offset;
    }

    /**
     * Encodes at {@code dest}'s position and advances it past the message.
     *
     * @return the number of bytes written
     * @throws BufferOverflowException if fewer bytes remain than the message needs; the position is then unchanged
     */
    public int encode(IndexedRecord record, ByteBuffer dest) {
        if (dest.hasArray()) {
            int start = dest.arrayOffset() + dest.position();
            encoder.reset(dest.array(), start, dest.arrayOffset() + dest.limit(), false);
            write(record);
            int length = encoder.position() - start;
            dest.position(dest.position() + length);
            return length;
        }
        int length = encodeToScratch(record);
        if (dest.remaining() < length) {
            throw new BufferOverflowException();
        }
        dest.put(scratch, 0, length);
        return length;
    }

    /** Encodes and writes the message to {@code out} in one {@code write} call. */
    public void encode(IndexedRecord record, OutputStream out) throws IOException {
        int length = encodeToScratch(record);
        out.write(scratch, 0, length);
    }

    /** Encodes into a new array of exactly the message's length (what Kafka's Serializer must return). */
    public byte[] encode(IndexedRecord record) {
        return Arrays.copyOf(scratch, encodeToScratch(record));
    }

    /**
     * Encodes into this writer's scratch array, growing it when needed.
     *
     * @return the message length; the message is {@code scratch()[0, length)} until the next call
     */
    public int encodeToScratch(IndexedRecord record) {
        encoder.reset(scratch, 0, scratch.length, true);
        try {
            write(record);
        } finally {
            scratch = encoder.buffer();
        }
        return encoder.position();
    }

    /** The scratch array {@link #encodeToScratch} wrote into; overwritten by the next call. */
    public byte[] scratch() {
        return scratch;
    }

    private void write(IndexedRecord record) {
        Objects.requireNonNull(record, "record");
        CodecRegistry.WriteCodec codec = registry.writeCodec(record);
        try {
            encoder.writeRaw(codec.header(), 0, SingleObjectEncoding.HEADER_LENGTH);
            codec.writer().write(record, encoder);
        } catch (BufferOverflowException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw failure(codec, record, e);
        }
    }

    private static MessageEncodingException failure(CodecRegistry.WriteCodec codec, IndexedRecord record, Exception e) {
        String field = RecordDiagnostics.firstMissingField(record);
        String what = field != null ? "required field '" + field + "' is null" : String.valueOf(e.getMessage());
        return new MessageEncodingException("cannot encode " + codec.schema().getFullName() + " (fingerprint "
                + SingleObjectEncoding.toHex(codec.fingerprint()) + "): " + what, e);
    }
}
