package io.tributary.schemas.serde;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writer schemas by fingerprint: the current schema of every Tributary message type plus every
 * released version, so a message written by an older (or, for added fields, newer but registered)
 * release can be resolved. Thread-safe; schemas may be added at any time (e.g. fetched from a
 * registry), and a {@link TributarySerde} built on this store sees them on the next miss.
 *
 * <p>Also an Avro {@link SchemaStore}, so it plugs into Avro's own
 * {@code BinaryMessageDecoder}/{@code QuoteTick.createDecoder(store)}.
 */
public final class TributarySchemaStore implements SchemaStore {

    private final Map<Long, Schema> byFingerprint = new ConcurrentHashMap<>();

    /** An empty store. */
    public TributarySchemaStore() {
    }

    /** Current schemas of {@link MessageTypes#all()} and every released schema in the jar. */
    public static TributarySchemaStore withTributarySchemas() {
        TributarySchemaStore store = new TributarySchemaStore();
        for (Class<? extends SpecificRecord> type : MessageTypes.all()) {
            store.addSchema(SpecificData.get().getSchema(type));
        }
        store.addReleasedSchemas(TributarySchemaStore.class.getClassLoader());
        return store;
    }

    /**
     * Adds the released record schemas found on the class path of {@code loader} (see
     * {@link ReleasedSchemas}); released enums only matter inside the records that use them.
     */
    public void addReleasedSchemas(ClassLoader loader) {
        for (List<Schema> release : ReleasedSchemas.load(loader).values()) {
            for (Schema schema : release) {
                if (schema.getType() == Schema.Type.RECORD) {
                    addSchema(schema);
                }
            }
        }
    }

    /**
     * Adds a writer schema; idempotent.
     *
     * @return its fingerprint
     * @throws IllegalArgumentException if the schema is not a record (only records are messages)
     */
    public long addSchema(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("only record schemas are messages, got " + schema.getType()
                    + " " + schema.getFullName());
        }
        long fingerprint = SingleObjectEncoding.fingerprint(schema);
        byFingerprint.putIfAbsent(fingerprint, schema);
        return fingerprint;
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    /** A snapshot of the schemas held. */
    public Collection<Schema> schemas() {
        return Collections.unmodifiableList(new ArrayList<>(byFingerprint.values()));
    }
}
