package io.tributary.runtime.transport.avro;

import org.apache.avro.specific.SpecificRecord;

/**
 * How a transport turns bus payloads into Avro records on the way out of the process and back on the
 * way in. Transport-neutral: the Kafka and Redis transports both take one.
 *
 * <p>{@link #AVRO} sends only payloads that already are Avro records and hands received records to
 * the bus as they are. {@link #MARKET} also maps the plain records of {@code io.tributary.api.market}
 * ({@link MarketAvroMapping}): out as their schema types, back in as the plain records, so a topology
 * written against {@code api.market} sees the same types on every transport.
 */
public interface PayloadMapping {

    /** Avro records as they are; anything else cannot leave the process. */
    PayloadMapping AVRO = new PayloadMapping() {
        @Override
        public SpecificRecord toAvro(Object payload) {
            return payload instanceof SpecificRecord r ? r : null;
        }

        @Override
        public Object fromAvro(SpecificRecord record) {
            return record;
        }

        @Override
        public String toString() {
            return "avro";
        }
    };

    /** {@code api.market} records ↔ their schema types, other Avro records as they are. */
    PayloadMapping MARKET = MarketAvroMapping.INSTANCE;

    /**
     * The Avro record to send for {@code payload}: the payload itself when it is one, its mapped
     * schema type, or null when it cannot leave the process (the caller counts and skips it).
     *
     * @throws IllegalArgumentException when a mapped payload holds a value its schema cannot carry
     */
    SpecificRecord toAvro(Object payload);

    /**
     * What the bus receives for a decoded record.
     *
     * @throws IllegalArgumentException naming the record type and field when a value has no
     *                                  counterpart (e.g. an enum's {@code UNKNOWN})
     */
    Object fromAvro(SpecificRecord record);
}
