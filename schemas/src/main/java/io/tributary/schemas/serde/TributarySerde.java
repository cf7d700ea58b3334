package io.tributary.schemas.serde;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificRecord;

/**
 * The entry point for turning messages into bytes and back: Avro single-object encoding (a
 * 10-byte header with the writer schema's fingerprint, then Avro binary), so any Avro reader
 * can decode what Tributary puts on Kafka, Redis or in files, and a transport can decode a
 * payload without knowing its type in advance.
 *
 * <p>Thread-safe. The convenience methods use a writer and a reader per thread; a hot loop that
 * wants no allocation at all holds its own {@link #newWriter()} / {@link #newReader()} and passes
 * its own buffers and a record to reuse.
 *
 * <pre>{@code
 * TributarySerde serde = TributarySerde.get();
 * byte[] bytes = serde.encode(quote);
 * SpecificRecord any = serde.decode(bytes);             // QuoteTick, picked by fingerprint
 * QuoteTick q = serde.decode(bytes, QuoteTick.class);   // or UNEXPECTED_TYPE
 * }</pre>
 */
public final class TributarySerde {

    static {
        TrustedPackages.trustTributarySchemas();
    }

    private static final class DefaultHolder {
        static final TributarySerde INSTANCE = builder().registerTributaryTypes().build();
    }

    private final CodecRegistry registry;
    private final ThreadLocal<MessageWriter> writers;
    private final ThreadLocal<MessageReader> readers;

    private TributarySerde(CodecRegistry registry) {
        this.registry = registry;
        this.writers = ThreadLocal.withInitial(() -> new MessageWriter(registry));
        this.readers = ThreadLocal.withInitial(() -> new MessageReader(registry));
    }

    /** The shared serde for all Tributary message types with current and released schemas. */
    public static TributarySerde get() {
        return DefaultHolder.INSTANCE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A writer for one thread: encodes into the caller's buffers without allocating. */
    public MessageWriter newWriter() {
        return new MessageWriter(registry);
    }

    /** A reader for one thread: decodes with a reused decoder, into a reused record if given one. */
    public MessageReader newReader() {
        return new MessageReader(registry);
    }

    /**
     * Encodes into a new array of exactly the message's length.
     *
     * @throws MessageEncodingException naming the field that makes the record unencodable
     */
    public byte[] encode(IndexedRecord record) {
        return writers.get().encode(record);
    }

    /**
     * Encodes at {@code dest}'s position and advances it.
     *
     * @return bytes written
     * @throws java.nio.BufferOverflowException if it does not fit
     */
    public int encode(IndexedRecord record, ByteBuffer dest) {
        return writers.get().encode(record, dest);
    }

    /**
     * Decodes into a new record of the type the fingerprint names.
     *
     * @throws MessageDecodingException with a {@link MessageDecodingException.Reason}
     */
    public SpecificRecord decode(byte[] message) {
        return readers.get().decode(message, 0, message.length, null);
    }

    /** Decodes the buffer's remaining bytes and moves its position to its limit. */
    public SpecificRecord decode(ByteBuffer message) {
        return readers.get().decode(message, null);
    }

    /**
     * Decodes a message that must hold a {@code type}.
     *
     * @throws MessageDecodingException UNEXPECTED_TYPE if it holds another type, or any other reason
     */
    public <T extends SpecificRecord> T decode(byte[] message, Class<T> type) {
        return readers.get().decode(message, 0, message.length, type, null);
    }

    /** Decodes into a generic record with {@code readerSchema} (the writer's own schema when null). */
    public GenericRecord decodeGeneric(byte[] message, Schema readerSchema) {
        return readers.get().decodeGeneric(message, 0, message.length, readerSchema);
    }

    /** The record class a message holds, read from its header only. */
    public Class<? extends SpecificRecord> typeOf(byte[] message) {
        return readers.get().typeOf(message, 0, message.length);
    }

    /** Fingerprint of the current schema of {@code type}, as written in its messages' headers. */
    public long fingerprint(Class<? extends SpecificRecord> type) {
        return registry.fingerprintOf(type);
    }

    /** The record classes this serde decodes into. */
    public List<Class<? extends SpecificRecord>> registeredTypes() {
        return registry.types();
    }

    /** Where writer schemas of other versions are looked up. */
    public SchemaStore schemaStore() {
        return registry.store();
    }

    /** Builds a {@link TributarySerde}; not thread-safe. */
    public static final class Builder {

        private final Set<Class<? extends SpecificRecord>> types = new LinkedHashSet<>();
        private SchemaStore store;

        private Builder() {
        }

        /** Adds every Tributary message type ({@link MessageTypes#all()}). */
        public Builder registerTributaryTypes() {
            types.addAll(MessageTypes.all());
            return this;
        }

        /**
         * Adds generated record classes to decode into. Registering a class also tells Avro to
         * trust its package (see {@link TrustedPackages}): registration is a decision made in
         * code, never by the bytes being read.
         */
        @SafeVarargs
        public final Builder register(Class<? extends SpecificRecord>... recordTypes) {
            for (Class<? extends SpecificRecord> type : recordTypes) {
                types.add(Objects.requireNonNull(type, "record type"));
            }
            return this;
        }

        /** Adds generated record classes to decode into. */
        public Builder register(Collection<Class<? extends SpecificRecord>> recordTypes) {
            recordTypes.forEach(t -> types.add(Objects.requireNonNull(t, "record type")));
            return this;
        }

        /**
         * Where to look up writer schemas of other versions; default
         * {@link TributarySchemaStore#withTributarySchemas()}. The current schemas of registered
         * types are always known, whatever the store.
         */
        public Builder schemaStore(SchemaStore schemaStore) {
            this.store = Objects.requireNonNull(schemaStore, "schemaStore");
            return this;
        }

        /**
         * @throws IllegalArgumentException if no type is registered, a class is not a generated
         *                                  record, or two classes claim one Avro name
         */
        public TributarySerde build() {
            if (types.isEmpty()) {
                throw new IllegalArgumentException("no record type registered: call registerTributaryTypes() or register(...)");
            }
            SchemaStore schemaStore = store != null ? store : TributarySchemaStore.withTributarySchemas();
            return new TributarySerde(new CodecRegistry(new ArrayList<>(types), schemaStore));
        }
    }
}
