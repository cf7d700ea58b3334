package io.tributary.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;

import io.tributary.schemas.InstrumentId;
import io.tributary.schemas.Price;
import io.tributary.schemas.Quantity;
import io.tributary.schemas.QuoteTick;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * v1 is the generated {@link QuoteTick}; v2 (test resource) adds {@code venueSequence} with a
 * default. Both directions go through Tributary's single-object decoder, which finds the other
 * version's writer schema in the schema store by the fingerprint in the header.
 */
class SchemaEvolutionTest {

    private static Schema v2() throws IOException {
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("/evolution/QuoteTick-v2.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }

    private static GenericRecord v2Quote(Schema v2, long venueSequence) {
        GenericRecord instrument = new GenericData.Record(v2.getField("instrument").schema());
        instrument.put("venue", "BINANCE");
        instrument.put("symbol", "BTCUSDT");
        Schema price = v2.getField("bidPrice").schema();
        Schema qty = v2.getField("bidSize").schema();
        GenericRecord quote = new GenericData.Record(v2);
        quote.put("instrument", instrument);
        quote.put("bidPrice", fixedPoint(price, 6_512_345L, 2));
        quote.put("askPrice", fixedPoint(price, 6_512_346L, 2));
        quote.put("bidSize", fixedPoint(qty, 1_500_000L, 6));
        quote.put("askSize", fixedPoint(qty, 250_000L, 6));
        quote.put("tsEvent", 1_767_225_600_000_000_123L);
        quote.put("tsInit", 1_767_225_600_000_050_456L);
        quote.put("venueSequence", venueSequence);
        return quote;
    }

    private static GenericRecord fixedPoint(Schema schema, long mantissa, int scale) {
        GenericRecord r = new GenericData.Record(schema);
        r.put("mantissa", mantissa);
        r.put("scale", scale);
        return r;
    }

    @Test
    void v1WriterIsReadByV2ReaderWithTheDefault() throws IOException {
        Schema v2 = v2();
        TributarySerde v1Process = TributarySerde.get();
        byte[] fromV1 = v1Process.encode(SampleRecords.quote());

        // the v2 process knows v1 writers through its store (current + released schemas)
        TributarySerde v2Process = TributarySerde.get();
        GenericRecord read = v2Process.decodeGeneric(fromV1, v2);

        assertEquals(v2, read.getSchema());
        assertEquals(-1L, read.get("venueSequence"), "added field takes its default");
        assertEquals(1_767_225_600_000_000_123L, read.get("tsEvent"));
        assertEquals(6_512_345L, ((GenericRecord) read.get("bidPrice")).get("mantissa"));
        assertEquals("BTCUSDT", ((GenericRecord) read.get("instrument")).get("symbol").toString());
    }

    @Test
    void v2WriterIsReadByV1ReaderIgnoringTheNewField() throws IOException {
        Schema v2 = v2();
        TributarySchemaStore store = TributarySchemaStore.withTributarySchemas();
        long v2Fingerprint = store.addSchema(v2);
        TributarySerde v1Process = TributarySerde.builder().registerTributaryTypes().schemaStore(store).build();

        byte[] fromV2 = v1Process.encode(v2Quote(v2, 77L));
        assertEquals(v2Fingerprint, SingleObjectEncoding.readFingerprint(fromV2, 0, fromV2.length));

        QuoteTick read = v1Process.decode(fromV2, QuoteTick.class);
        assertEquals(SampleRecords.quote(), read);

        // reusing a record works across versions too
        QuoteTick reuse = QuoteTick.newBuilder()
                .setInstrument(new InstrumentId("X", "Y")).setBidPrice(new Price(0L, 0)).setAskPrice(new Price(0L, 0))
                .setBidSize(new Quantity(0L, 0)).setAskSize(new Quantity(0L, 0)).setTsEvent(0L).setTsInit(0L).build();
        MessageReader reader = v1Process.newReader();
        assertEquals(SampleRecords.quote(), reader.decode(fromV2, 0, fromV2.length, QuoteTick.class, reuse));
    }

    @Test
    void v2WriterUnknownToTheStoreIsAnUnknownFingerprint() throws IOException {
        Schema v2 = v2();
        TributarySerde writer = TributarySerde.builder().registerTributaryTypes().build();
        byte[] fromV2 = writer.encode(v2Quote(v2, 1L));
        MessageDecodingException e = assertThrows(MessageDecodingException.class,
                () -> TributarySerde.get().decode(fromV2));
        assertEquals(MessageDecodingException.Reason.UNKNOWN_FINGERPRINT, e.reason());
    }
}
