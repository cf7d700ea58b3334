package io.tributary.schemas.serde;

import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

import io.tributary.schemas.serde.MessageDecodingException.Reason;

/**
 * Decodes Avro single-object messages into the record class registered for the writer schema's
 * name, resolving older or newer writer schemas found in the schema store. Reuses one binary
 * decoder and, when the caller passes one, the record instance (including its nested records).
 *
 * <p>Not thread-safe: one reader per thread ({@link TributarySerde#newReader()}); its per-type
 * datum readers are created on first use, on the thread that uses them, which is the fast path
 * of Avro's resolver cache.
 */
public final class MessageReader {

    private static final class Plan {
        private static final MethodType NEW_RECORD = MethodType.methodType(SpecificRecord.class);

        final CodecRegistry.ReadType type;
        final SpecificDatumReader<SpecificRecord> reader;
        /**
         * The type's public no-arg constructor, or null (then Avro makes the record). Without it Avro
         * looks the class up by schema name and calls the constructor reflectively for every message
         * decoded into a new record: measured +34 ns on a ~160 ns quote decode.
         */
        private final MethodHandle constructor;

        Plan(CodecRegistry.ReadType type) {
            this.type = type;
            this.reader = type.incompatibility() == null
                    ? new SpecificDatumReader<>(type.writer(), type.reader(), type.data())
                    : null;
            this.constructor = constructorOf(type.type());
        }

        private static MethodHandle constructorOf(Class<? extends SpecificRecord> recordType) {
            try {
                return MethodHandles.publicLookup().findConstructor(recordType, MethodType.methodType(void.class))
                        .asType(NEW_RECORD);
            } catch (NoSuchMethodException | IllegalAccessException notPublic) {
                return null;
            }
        }

        /** A new record to decode into, or null to let Avro make one. */
        SpecificRecord newRecord() {
            if (constructor == null) {
                return null;
            }
            try {
                return (SpecificRecord) constructor.invokeExact();
            } catch (Throwable e) {
                throw new IllegalStateException("cannot construct a " + type.type().getName(), e);
            }
        }
    }

    private final CodecRegistry registry;
    private final FingerprintTable<Plan> plans = new FingerprintTable<>();
    private BinaryDecoder decoder;
    private byte[] scratch = new byte[256];

    MessageReader(CodecRegistry registry) {
        this.registry = registry;
    }

    /** Decodes a whole array into a new record of whatever type it holds. */
    public SpecificRecord decode(byte[] message) {
        return decode(message, 0, message.length, null);
    }

    /**
     * Decodes {@code bytes[offset, offset+length)}.
     *
     * @param reuse a record to decode into when it is of the message's type (its nested records
     *              are reused too), else ignored; may be null
     * @return the record, {@code reuse} itself when it was used
     * @throws MessageDecodingException with the reason, fingerprint and offset when the bytes are not a decodable message
     */
    public SpecificRecord decode(byte[] bytes, int offset, int length, SpecificRecord reuse) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        Plan plan = plan(SingleObjectEncoding.readFingerprint(bytes, offset, length));
        return read(plan, bytes, offset, length, reuse != null && reuse.getClass() == plan.type.type() ? reuse : null);
    }

    /**
     * Decodes {@code bytes[offset, offset+length)}, which must hold a {@code type}.
     *
     * @throws MessageDecodingException UNEXPECTED_TYPE if it holds another record type, or any other reason
     */
    public <T extends SpecificRecord> T decode(byte[] bytes, int offset, int length, Class<T> type, T reuse) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        Plan plan = plan(SingleObjectEncoding.readFingerprint(bytes, offset, length));
        if (plan.type.type() != type) {
            throw MessageDecodingException.of(Reason.UNEXPECTED_TYPE, "expected a " + type.getName()
                            + " but the message holds a " + plan.type.writer().getFullName() + " (fingerprint "
                            + SingleObjectEncoding.toHex(plan.type.fingerprint()) + ")",
                    plan.type.fingerprint(), 2, null);
        }
        return type.cast(read(plan, bytes, offset, length, reuse));
    }

    /** Decodes the buffer's remaining bytes and moves its position to its limit. */
    public SpecificRecord decode(ByteBuffer buffer, SpecificRecord reuse) {
        SpecificRecord record;
        int length = buffer.remaining();
        if (buffer.hasArray()) {
            record = decode(buffer.array(), buffer.arrayOffset() + buffer.position(), length, reuse);
        } else {
            record = decode(copyToScratch(buffer, length), 0, length, reuse);
        }
        buffer.position(buffer.limit());
        return record;
    }

    /** Decodes the buffer's remaining bytes, which must hold a {@code type}, and moves its position to its limit. */
    public <T extends SpecificRecord> T decode(ByteBuffer buffer, Class<T> type, T reuse) {
        T record;
        int length = buffer.remaining();
        if (buffer.hasArray()) {
            record = decode(buffer.array(), buffer.arrayOffset() + buffer.position(), length, type, reuse);
        } else {
            record = decode(copyToScratch(buffer, length), 0, length, type, reuse);
        }
        buffer.position(buffer.limit());
        return record;
    }

    /**
     * Decodes into a {@link GenericRecord} with {@code readerSchema} (the writer schema when null):
     * for tools and for readers of schemas that have no generated class. Not the fast path.
     */
    public GenericRecord decodeGeneric(byte[] bytes, int offset, int length, Schema readerSchema) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        long fingerprint = SingleObjectEncoding.readFingerprint(bytes, offset, length);
        Schema writer = registry.writerSchema(fingerprint);
        Schema reader = readerSchema != null ? readerSchema : writer;
        GenericDatumReader<GenericRecord> datumReader = new GenericDatumReader<>(writer, reader);
        decoder = DecoderFactory.get().binaryDecoder(bytes, offset + SingleObjectEncoding.HEADER_LENGTH,
                length - SingleObjectEncoding.HEADER_LENGTH, decoder);
        try {
            GenericRecord record = datumReader.read(null, decoder);
            checkFullyConsumed(writer.getFullName(), fingerprint, length);
            return record;
        } catch (IOException | RuntimeException e) {
            throw bodyFailure(e, writer.getFullName(), fingerprint, length);
        }
    }

    /**
     * The record class of the message without decoding its body, e.g. to route it.
     *
     * @throws MessageDecodingException for a bad header or an unknown fingerprint
     */
    public Class<? extends SpecificRecord> typeOf(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return plan(SingleObjectEncoding.readFingerprint(bytes, offset, length)).type.type();
    }

    private Plan plan(long fingerprint) {
        Plan plan = plans.get(fingerprint);
        if (plan == null) {
            plan = new Plan(registry.readType(fingerprint));
            plans.put(fingerprint, plan);
        }
        if (plan.reader == null) {
            throw MessageDecodingException.of(Reason.INCOMPATIBLE_SCHEMA, "writer schema "
                            + plan.type.writer().getFullName() + " (fingerprint "
                            + SingleObjectEncoding.toHex(fingerprint) + ") cannot be read as "
                            + plan.type.type().getName() + ": " + plan.type.incompatibility(),
                    fingerprint, 2, null);
        }
        return plan;
    }

    private SpecificRecord read(Plan plan, byte[] bytes, int offset, int length, SpecificRecord reuse) {
        decoder = DecoderFactory.get().binaryDecoder(bytes, offset + SingleObjectEncoding.HEADER_LENGTH,
                length - SingleObjectEncoding.HEADER_LENGTH, decoder);
        try {
            SpecificRecord record = plan.reader.read(reuse != null ? reuse : plan.newRecord(), decoder);
            checkFullyConsumed(plan.type.writer().getFullName(), plan.type.fingerprint(), length);
            return record;
        } catch (MessageDecodingException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw bodyFailure(e, plan.type.writer().getFullName(), plan.type.fingerprint(), length);
        }
    }

    private void checkFullyConsumed(String name, long fingerprint, int length) throws IOException {
        if (!decoder.isEnd()) {
            int trailing = decoder.remainingBytes();
            throw MessageDecodingException.of(Reason.CORRUPT, trailing + " unexpected trailing bytes after the "
                            + name + " record (fingerprint " + SingleObjectEncoding.toHex(fingerprint) + ") that ends at offset "
                            + (length - trailing) + " of " + length,
                    fingerprint, length - trailing, null);
        }
    }

    private MessageDecodingException bodyFailure(Exception e, String name, long fingerprint, int length) {
        if (e instanceof MessageDecodingException m) {
            return m;
        }
        int offset = failureOffset(length);
        String where = " of a " + name + " (fingerprint " + SingleObjectEncoding.toHex(fingerprint) + ", "
                + length + " bytes)";
        if (e instanceof EOFException) {
            return MessageDecodingException.of(Reason.TRUNCATED, "message ends inside a value" + where
                    + ": it was cut short", fingerprint, length, e);
        }
        return MessageDecodingException.of(Reason.CORRUPT, "corrupt body" + where + " near offset " + offset + ": "
                + e.getClass().getSimpleName() + ": " + e.getMessage(), fingerprint, offset, e);
    }

    /** Where the decoder stopped; may be past the failing value by Avro's read-ahead, so "near". */
    private int failureOffset(int length) {
        try {
            return length - decoder.remainingBytes();
        } catch (RuntimeException ignored) {
            return MessageDecodingException.UNKNOWN_OFFSET;
        }
    }

    private byte[] copyToScratch(ByteBuffer buffer, int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        buffer.duplicate().get(scratch, 0, length);
        return scratch;
    }
}
