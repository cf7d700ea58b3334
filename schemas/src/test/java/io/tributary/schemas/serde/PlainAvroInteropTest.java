package io.tributary.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * What a non-Tributary consumer does: parse the .avsc files from disk, strip the single-object
 * header by hand as the Avro specification describes, read the body with a plain
 * {@link GenericDatumReader}. Only the writing side uses Tributary.
 */
class PlainAvroInteropTest {

    private static Map<String, Schema> schemasFromDisk() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> byName = new HashMap<>();
        for (Path dir : List.of(Path.of("src/main/avro/common"), Path.of("src/main/avro"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList()) {
                    Schema schema = parser.parse(file.toFile());
                    byName.put(schema.getFullName(), schema);
                }
            }
        }
        return byName;
    }

    @Test
    void genericReaderDecodesEveryMessageAfterStrippingTheHeaderByHand() throws IOException {
        Map<String, Schema> disk = schemasFromDisk();
        for (SpecificRecord sample : SampleRecords.all()) {
            byte[] message = TributarySerde.get().encode(sample);
            Schema schema = disk.get(sample.getSchema().getFullName());

            assertEquals((byte) 0xC3, message[0]);
            assertEquals((byte) 0x01, message[1]);
            long fingerprint = ByteBuffer.wrap(message, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertEquals(SchemaNormalization.parsingFingerprint64(schema), fingerprint, schema.getFullName());

            GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema);
            GenericRecord read = reader.read(null,
                    DecoderFactory.get().binaryDecoder(message, 10, message.length - 10, null));

            assertEquals(SpecificData.get().toString(sample), GenericData.get().toString(read), schema.getFullName());
        }
    }

    @Test
    void avrosOwnMessageDecoderReadsTheQuote() throws IOException {
        Schema schema = schemasFromDisk().get("io.tributary.schemas.QuoteTick");
        byte[] message = TributarySerde.get().encode(SampleRecords.quote());
        GenericRecord read = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), schema).decode(message);
        assertEquals(6_512_345L, ((GenericRecord) read.get("bidPrice")).get("mantissa"));
        assertEquals(2, ((GenericRecord) read.get("bidPrice")).get("scale"));
        assertEquals("BINANCE", read.get("instrument") instanceof GenericRecord i ? i.get("venue").toString() : null);
        assertEquals(1_767_225_600_000_050_456L, read.get("tsInit"));
    }
}
