package io.tributary.schemas.serde;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a serde shares between threads: the registered record classes, the writer schemas known
 * by fingerprint, and the stateless datum writers. Everything here is immutable or thread-safe;
 * the per-thread encoders and decoders live in {@link MessageWriter} and {@link MessageReader}.
 */
final class CodecRegistry {

    /** How to read one writer schema: into which class, and whether that is possible at all. */
    record ReadType(long fingerprint, Schema writer, Class<? extends SpecificRecord> type, Schema reader,
                    SpecificData data, String incompatibility) {
    }

    /** How to write one record type: its header and a thread-safe datum writer. */
    record WriteCodec(long fingerprint, byte[] header, Schema schema, DatumWriter<Object> writer) {
    }

    private final SchemaStore store;
    private final Map<String, Class<? extends SpecificRecord>> typesByName;
    private final List<Class<? extends SpecificRecord>> types;
    private final FingerprintTable<ReadType> readTypes = new FingerprintTable<>();
    private final ConcurrentHashMap<Schema, WriteCodec> genericWriters = new ConcurrentHashMap<>();
    private final ClassValue<SpecificData> models = new ClassValue<>() {
        @Override
        protected SpecificData computeValue(Class<?> type) {
            return fastModel(type);
        }
    };
    private final ClassValue<WriteCodec> specificWriters = new ClassValue<>() {
        @Override
        protected WriteCodec computeValue(Class<?> type) {
            SpecificData data = models.get(type);
            Schema schema = data.getSchema(type);
            return writeCodec(schema, new SpecificDatumWriter<>(schema, data));
        }
    };

    CodecRegistry(Collection<Class<? extends SpecificRecord>> types, SchemaStore store) {
        this.store = store;
        this.types = List.copyOf(types);
        Map<String, Class<? extends SpecificRecord>> names = new LinkedHashMap<>();
        for (Class<? extends SpecificRecord> type : this.types) {
            TrustedPackages.trust(type.getPackageName());
            Schema schema = SpecificData.getForClass(type).getSchema(type);
            if (schema == null || schema.getType() != Schema.Type.RECORD) {
                throw new IllegalArgumentException(type.getName() + " is not a generated Avro record (no record SCHEMA$)");
            }
            putName(names, schema.getFullName(), type);
            for (String alias : schema.getAliases()) {
                putName(names, alias, type);
            }
        }
        this.typesByName = Collections.unmodifiableMap(names);
        for (Class<? extends SpecificRecord> type : this.types) {
            Schema current = SpecificData.getForClass(type).getSchema(type);
            readTypes.put(SingleObjectEncoding.fingerprint(current), resolve(SingleObjectEncoding.fingerprint(current), current));
        }
        if (store instanceof TributarySchemaStore known) {
            for (Schema writer : known.schemas()) {
                if (typesByName.containsKey(writer.getFullName())) {
                    long fp = SingleObjectEncoding.fingerprint(writer);
                    if (readTypes.get(fp) == null) {
                        readTypes.put(fp, resolve(fp, writer));
                    }
                }
            }
        }
    }

    private static void putName(Map<String, Class<? extends SpecificRecord>> names, String name,
                                Class<? extends SpecificRecord> type) {
        Class<? extends SpecificRecord> previous = names.putIfAbsent(name, type);
        if (previous != null && previous != type) {
            throw new IllegalArgumentException("two record classes claim the Avro name " + name + ": "
                    + previous.getName() + " and " + type.getName());
        }
    }

    List<Class<? extends SpecificRecord>> types() {
        return types;
    }

    SchemaStore store() {
        return store;
    }

    /**
     * The read plan for a fingerprint; resolved from the store and cached on first sight.
     *
     * @throws MessageDecodingException UNKNOWN_FINGERPRINT when neither the store nor a registered class knows it
     */
    ReadType readType(long fingerprint) {
        ReadType known = readTypes.get(fingerprint);
        if (known != null) {
            return known;
        }
        Schema writer = writerSchema(fingerprint);
        if (!typesByName.containsKey(writer.getFullName())) {
            throw MessageDecodingException.of(MessageDecodingException.Reason.UNKNOWN_FINGERPRINT,
                    "schema " + writer.getFullName() + " (fingerprint " + SingleObjectEncoding.toHex(fingerprint)
                            + ") is in the schema store but no record class is registered for that name", fingerprint, 2,
                    null);
        }
        ReadType resolved = resolve(fingerprint, writer);
        readTypes.put(fingerprint, resolved);
        return resolved;
    }

    /**
     * The writer schema of a fingerprint.
     *
     * @throws MessageDecodingException UNKNOWN_FINGERPRINT
     */
    Schema writerSchema(long fingerprint) {
        ReadType known = readTypes.get(fingerprint);
        if (known != null) {
            return known.writer();
        }
        Schema writer = store.findByFingerprint(fingerprint);
        if (writer == null) {
            throw MessageDecodingException.of(MessageDecodingException.Reason.UNKNOWN_FINGERPRINT,
                    "unknown writer schema fingerprint " + SingleObjectEncoding.toHex(fingerprint)
                            + ": not a current or released Tributary schema, nor in the schema store", fingerprint, 2,
                    null);
        }
        return writer;
    }

    /**
     * A model like the class's own but with the generated {@code customEncode}/{@code customDecode}
     * switched on (Avro leaves them off by default): field access without boxing or per-field
     * iteration, so encoding allocates nothing and decoding into a reused record allocates only
     * its strings. Classes with logical-type fields have no custom
     * coders and take Avro's generic path with the class's conversions.
     */
    private static SpecificData fastModel(Class<?> type) {
        SpecificData own = SpecificData.getForClass(type);
        SpecificData fast = new SpecificData(type.getClassLoader());
        own.getConversions().forEach(fast::addLogicalTypeConversion);
        fast.setCustomCoders(true);
        // Avro's "fast reader" would take precedence over customDecode, and it boxes every long
        fast.setFastReaderEnabled(false);
        return fast;
    }

    private ReadType resolve(long fingerprint, Schema writer) {
        Class<? extends SpecificRecord> type = typesByName.get(writer.getFullName());
        SpecificData data = models.get(type);
        Schema reader = data.getSchema(type);
        SchemaCompatibility.SchemaPairCompatibility check =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        String incompatibility = null;
        if (check.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            incompatibility = check.getResult().getIncompatibilities().stream()
                    .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                    .collect(Collectors.joining("; "));
        }
        return new ReadType(fingerprint, writer, type, reader, data, incompatibility);
    }

    WriteCodec writeCodec(IndexedRecord record) {
        if (record instanceof SpecificRecord) {
            return specificWriters.get(record.getClass());
        }
        return genericWriters.computeIfAbsent(record.getSchema(),
                schema -> writeCodec(schema, new GenericDatumWriter<>(schema, GenericData.get())));
    }

    long fingerprintOf(Class<? extends SpecificRecord> type) {
        return specificWriters.get(type).fingerprint();
    }

    private static WriteCodec writeCodec(Schema schema, DatumWriter<Object> writer) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("only records are messages, got " + schema.getType() + " " + schema.getFullName());
        }
        long fp = SingleObjectEncoding.fingerprint(schema);
        return new WriteCodec(fp, SingleObjectEncoding.header(fp), schema, writer);
    }
}
