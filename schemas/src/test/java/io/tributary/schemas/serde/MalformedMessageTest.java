package io.tributary.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.tributary.schemas.QuoteTick;
import io.tributary.schemas.SubmitOrder;
import io.tributary.schemas.TradeTick;
import io.tributary.schemas.serde.MessageDecodingException.Reason;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class MalformedMessageTest {

    private final TributarySerde serde = TributarySerde.get();

    private static MessageDecodingException decodeFails(TributarySerde serde, byte[] bytes) {
        return assertThrows(MessageDecodingException.class, () -> serde.decode(bytes));
    }

    @Test
    void shorterThanTheHeaderIsTruncated() {
        for (int len = 0; len < SingleObjectEncoding.HEADER_LENGTH; len++) {
            MessageDecodingException e = decodeFails(serde, Arrays.copyOf(serde.encode(SampleRecords.quote()), len));
            assertEquals(Reason.TRUNCATED, e.reason());
            assertEquals(len, e.offset());
            assertFalse(e.fingerprint().isPresent());
            assertTrue(e.getMessage().contains(len + " bytes"), e.getMessage());
        }
    }

    @Test
    void wrongMarkerIsBadMagic() {
        byte[] json = "{\"bid\": 1.5, \"ask\": 1.6, \"x\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MessageDecodingException e = decodeFails(serde, json);
        assertEquals(Reason.BAD_MAGIC, e.reason());
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("7B 22"), e.getMessage());

        byte[] v2 = serde.encode(SampleRecords.quote());
        v2[1] = 0x02;
        assertEquals(Reason.BAD_MAGIC, decodeFails(serde, v2).reason());
    }

    @Test
    void unknownFingerprintNamesIt() {
        byte[] bytes = serde.encode(SampleRecords.quote());
        System.arraycopy(SingleObjectEncoding.header(0x0123456789ABCDEFL), 0, bytes, 0, 10);
        MessageDecodingException e = decodeFails(serde, bytes);
        assertEquals(Reason.UNKNOWN_FINGERPRINT, e.reason());
        assertEquals(0x0123456789ABCDEFL, e.fingerprint().getAsLong());
        assertEquals(2, e.offset());
        assertTrue(e.getMessage().contains("0123456789abcdef"), e.getMessage());
    }

    @Test
    void bodyCutAnywhereIsTruncated() {
        byte[] full = serde.encode(SampleRecords.quote());
        long fp = serde.fingerprint(QuoteTick.class);
        for (int len = SingleObjectEncoding.HEADER_LENGTH; len < full.length; len++) {
            MessageDecodingException e = decodeFails(serde, Arrays.copyOf(full, len));
            assertEquals(Reason.TRUNCATED, e.reason(), "cut at " + len);
            assertEquals(fp, e.fingerprint().getAsLong());
            assertTrue(e.getMessage().contains("io.tributary.schemas.QuoteTick"), e.getMessage());
        }
    }

    @Test
    void trailingBytesAreCorruptAtTheEndOfTheRecord() {
        byte[] full = serde.encode(SampleRecords.quote());
        byte[] longer = Arrays.copyOf(full, full.length + 3);
        MessageDecodingException e = decodeFails(serde, longer);
        assertEquals(Reason.CORRUPT, e.reason());
        assertEquals(full.length, e.offset());
        assertTrue(e.getMessage().contains("3 unexpected trailing bytes"), e.getMessage());
    }

    /** SubmitOrder body written by hand so single values can be made invalid. */
    private byte[] submitOrder(int sideIndex, int priceUnionIndex, boolean badVarint, int commandIdLength)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(SingleObjectEncoding.header(serde.fingerprint(SubmitOrder.class)));
        BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(out, null);
        if (commandIdLength >= 0) {
            enc.writeString("cmd");
        } else {
            enc.writeLong(commandIdLength); // a negative string length
        }
        enc.writeString("O-1");
        enc.writeString("arb");
        enc.writeString("BINANCE");
        enc.writeString("BTCUSDT");
        enc.writeEnum(sideIndex);
        enc.writeEnum(2);
        if (badVarint) {
            enc.flush();
            out.write(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                    (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        } else {
            enc.writeLong(1);
        }
        enc.writeInt(0);
        enc.writeIndex(priceUnionIndex);
        if (priceUnionIndex == 1) {
            enc.writeLong(100);
            enc.writeInt(2);
        }
        enc.writeEnum(1);
        enc.writeLong(123L);
        enc.flush();
        return out.toByteArray();
    }

    @Test
    void handWrittenBodyDecodes() throws IOException {
        SubmitOrder order = serde.decode(submitOrder(0, 1, false, 3), SubmitOrder.class);
        assertEquals(100L, order.getPrice().getMantissa());
        assertEquals(123L, order.getTsInit());
    }

    @Test
    void invalidValuesInTheBodyAreCorrupt() throws IOException {
        Map<Reason, Integer> seen = new EnumMap<>(Reason.class);
        for (byte[] bad : List.of(
                submitOrder(9, 1, false, 3),     // enum index out of range
                submitOrder(0, 7, false, 3),     // union index out of range
                submitOrder(0, 1, true, 3),      // varint longer than 10 bytes
                submitOrder(0, 1, false, -5))) { // negative string length
            MessageDecodingException e = decodeFails(serde, bad);
            seen.merge(e.reason(), 1, Integer::sum);
            assertEquals(serde.fingerprint(SubmitOrder.class), e.fingerprint().getAsLong());
            assertTrue(e.offset() >= SingleObjectEncoding.HEADER_LENGTH && e.offset() <= bad.length,
                    "offset " + e.offset() + " in " + e.getMessage());
            assertTrue(e.getMessage().contains("io.tributary.schemas.SubmitOrder"), e.getMessage());
        }
        assertEquals(Map.of(Reason.CORRUPT, 4), seen);
    }

    @Test
    void askingForAnotherTypeIsUnexpectedType() {
        byte[] quote = serde.encode(SampleRecords.quote());
        MessageDecodingException e = assertThrows(MessageDecodingException.class,
                () -> serde.decode(quote, TradeTick.class));
        assertEquals(Reason.UNEXPECTED_TYPE, e.reason());
        assertTrue(e.getMessage().contains("TradeTick") && e.getMessage().contains("QuoteTick"), e.getMessage());
    }

    @Test
    void knownButIncompatibleWriterSchemaIsReported() {
        // someone released a QuoteTick whose tsEvent became a string: Avro cannot resolve it
        Schema broken = SchemaBuilder.record("QuoteTick").namespace("io.tributary.schemas").fields()
                .requiredString("tsEvent").endRecord();
        TributarySchemaStore store = TributarySchemaStore.withTributarySchemas();
        store.addSchema(broken);
        TributarySerde withBroken = TributarySerde.builder().registerTributaryTypes().schemaStore(store).build();
        GenericRecord record = new GenericData.Record(broken);
        record.put("tsEvent", "yesterday");
        MessageDecodingException e = decodeFails(withBroken, withBroken.encode(record));
        assertEquals(Reason.INCOMPATIBLE_SCHEMA, e.reason());
        assertTrue(e.getMessage().contains("TYPE_MISMATCH at /fields/5/type"), e.getMessage());
    }

    @Test
    void schemaInStoreWithoutARegisteredClassIsUnknown() {
        Schema foreign = SchemaBuilder.record("Thing").namespace("com.example").fields()
                .requiredLong("n").endRecord();
        TributarySchemaStore store = TributarySchemaStore.withTributarySchemas();
        store.addSchema(foreign);
        TributarySerde serdeWithStore = TributarySerde.builder().registerTributaryTypes().schemaStore(store).build();
        GenericRecord thing = new GenericData.Record(foreign);
        thing.put("n", 5L);
        byte[] bytes = serdeWithStore.encode(thing);
        MessageDecodingException e = decodeFails(serdeWithStore, bytes);
        assertEquals(Reason.UNKNOWN_FINGERPRINT, e.reason());
        assertTrue(e.getMessage().contains("com.example.Thing"), e.getMessage());
        // ...but tools can still read it generically
        assertEquals(5L, serdeWithStore.decodeGeneric(bytes, null).get("n"));
    }

    @Test
    void randomBitFlipsNeverEscapeAsAnotherExceptionType() {
        Random random = new Random(20260101L);
        List<SpecificRecord> samples = List.of(SampleRecords.quote(), SampleRecords.all().get(4),
                SampleRecords.all().get(7), SampleRecords.all().get(16));
        Map<Reason, Integer> seen = new EnumMap<>(Reason.class);
        int decoded = 0;
        MessageReader reader = serde.newReader();
        for (int i = 0; i < 4_000; i++) {
            byte[] bytes = serde.encode(samples.get(i % samples.size()));
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                int bit = random.nextInt(bytes.length * 8);
                bytes[bit / 8] ^= (byte) (1 << (bit % 8));
            }
            try {
                reader.decode(bytes, 0, bytes.length, null);
                decoded++; // a flip inside a number or string still decodes: that is fine
            } catch (MessageDecodingException e) {
                seen.merge(e.reason(), 1, Integer::sum);
            }
        }
        assertTrue(decoded > 0, "some flips land in values");
        assertTrue(seen.containsKey(Reason.BAD_MAGIC) && seen.containsKey(Reason.UNKNOWN_FINGERPRINT)
                && seen.containsKey(Reason.CORRUPT), seen.toString());
    }
}
