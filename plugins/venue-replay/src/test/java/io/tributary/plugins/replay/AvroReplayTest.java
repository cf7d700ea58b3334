package io.tributary.plugins.replay;

import io.tributary.api.Message;
import io.tributary.api.TopicPattern;
import io.tributary.api.market.AggressorSide;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.Quote;
import io.tributary.api.market.Trade;
import io.tributary.api.spi.ConfigException;
import io.tributary.plugins.testkit.ManualClock;
import io.tributary.plugins.testkit.SyncBus;
import io.tributary.plugins.testkit.TestPluginContext;
import io.tributary.schemas.Price;
import io.tributary.schemas.Quantity;
import io.tributary.schemas.QuoteTick;
import io.tributary.schemas.TradeTick;
import io.tributary.schemas.serde.TrustedPackages;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Avro container files written with the real QuoteTick/TradeTick schemas, replayed through the generic reader. */
class AvroReplayTest {

    static final InstrumentId BTC = InstrumentId.of("BINANCE", "BTCUSDT");
    static final long T0 = 1704153600000000000L;
    static final Schema TICKS = Schema.createUnion(QuoteTick.getClassSchema(), TradeTick.getClassSchema());

    @TempDir
    Path dir;

    @BeforeAll
    static void trustGeneratedClasses() {
        // only the test's writers use the generated classes; the plugin reads generically and needs no trust
        TrustedPackages.trustTributarySchemas();
    }

    final SyncBus bus = new SyncBus();
    final ReplayVenueFactory factory = new ReplayVenueFactory();
    final TestPluginContext context = new TestPluginContext(bus, new ManualClock(9), "venue 'replay'");

    ReplayVenueAdapter create(Map<String, ?> config) {
        return (ReplayVenueAdapter) factory.create(factory.configSpec().validate("venue 'replay'", config), context);
    }

    ReplayVenueAdapter replay(Map<String, ?> config) throws Exception {
        ReplayVenueAdapter replay = create(config);
        replay.connect();
        replay.subscribe(TopicPattern.parse("data.**"));
        assertTrue(replay.awaitFinished(Duration.ofSeconds(30)));
        return replay;
    }

    static io.tributary.schemas.InstrumentId instrument(String venue, String symbol) {
        return new io.tributary.schemas.InstrumentId(venue, symbol);
    }

    static QuoteTick quote(String venue, long ts, Price bid, Price ask, Quantity bidSize, Quantity askSize) {
        // tsInit 123 is the recorder's: a replayed event gets the replay clock's time instead
        return new QuoteTick(instrument(venue, "BTCUSDT"), bid, ask, bidSize, askSize, ts, 123L);
    }

    static TradeTick trade(String venue, long ts, Price price, Quantity size, io.tributary.schemas.AggressorSide side, String id) {
        return new TradeTick(instrument(venue, "BTCUSDT"), price, size, side, id, ts, 123L);
    }

    static Price p(long mantissa, int scale) {
        return new Price(mantissa, scale);
    }

    static Quantity q(long mantissa, int scale) {
        return new Quantity(mantissa, scale);
    }

    /** Writes a container; with {@code blockPerRecord} each record is its own block (so a truncation hits the last one only). */
    Path write(String name, Schema schema, DatumWriter<Object> datumWriter, boolean blockPerRecord, List<?> records,
               List<Long> blockEnds) throws IOException {
        Path file = dir.resolve(name);
        try (DataFileWriter<Object> writer = new DataFileWriter<>(datumWriter)) {
            writer.create(schema, file.toFile());
            for (Object record : records) {
                writer.append(record);
                if (blockPerRecord) {
                    blockEnds.add(writer.sync());
                }
            }
        }
        return file;
    }

    Path writeTicks(String name, Schema schema, Object... records) throws IOException {
        return write(name, schema, new SpecificDatumWriter<>(schema), false, List.of(records), new ArrayList<>());
    }

    List<Object> payloads() {
        return bus.published().stream().<Object>map(Message::payload).toList();
    }

    @Test
    void replaysQuotesAndTradesInFileOrderAndReportsBadRecordsByNumber() throws Exception {
        Path file = writeTicks("day.avro", TICKS,
                quote("BINANCE", T0, p(4200050, 2), p(42000750, 3), q(125, 2), q(5, 1)),                        // 1
                trade("BINANCE", T0 + 100_000, p(4200075, 2), q(1, 2), io.tributary.schemas.AggressorSide.BUYER, "t-1"), // 2
                quote("BINANCE", T0 + 200_000, p(1, 19), p(2, 0), q(1, 0), q(1, 0)),                               // 3 scale
                trade("BIN.ANCE", T0 + 300_000, p(1, 0), q(1, 0), io.tributary.schemas.AggressorSide.SELLER, "x"),  // 4 venue
                quote("BINANCE", T0 + 400_000, p(1, 0), p(2, 0), q(-1, 0), q(1, 0)),                               // 5 negative size
                quote("BINANCE", T0 + 500_000, p(Long.MAX_VALUE, 0), p(1, 1), q(1, 0), q(1, 0)),                   // 6 overflow
                trade("BINANCE", T0 + 1_000_000_000, p(42001, 0), q(2, 0), io.tributary.schemas.AggressorSide.SELLER, ""), // 7 no id
                quote("BINANCE", T0 + 2_000_000_000, p(420020, 1), p(4200250, 2), q(3, 0), q(4, 0)));             // 8

        ReplayVenueAdapter replay = replay(Map.of("files", file.toString(), "speed", "max"));

        assertEquals(List.of(
                new Quote(BTC, 42000500, 42000750, 125, 50, 3, 2, T0, 9),
                new Trade(BTC, 4200075, 1, 2, 2, AggressorSide.BUYER, "t-1", T0 + 100_000, 9),
                new Trade(BTC, 42001, 2, 0, 0, AggressorSide.SELLER, "day.avro#7", T0 + 1_000_000_000, 9),
                new Quote(BTC, 4200200, 4200250, 3, 4, 2, 0, T0 + 2_000_000_000, 9)), payloads());
        assertEquals(List.of("data.quotes.BINANCE.BTCUSDT", "data.trades.BINANCE.BTCUSDT", "data.trades.BINANCE.BTCUSDT",
                "data.quotes.BINANCE.BTCUSDT"), bus.published().stream().map(Message::topic).toList());
        assertEquals(List.of(BTC, BTC, BTC, BTC), bus.published().stream().map(Message::key).toList());

        ReplayReport report = replay.report();
        assertEquals(8, report.rows());
        assertEquals(2, report.quotes());
        assertEquals(2, report.trades());
        assertEquals(4, report.badRowCount());
        assertEquals(List.of(
                file + ": record 3: field bidPrice.scale: 19 is outside 0..18",
                file + ": record 4: instrument venue 'BIN.ANCE' must not contain '.': it is one topic segment",
                file + ": record 5: field bidSize.mantissa: -1 is negative (a quantity is not)",
                file + ": record 6: field bidPrice: 9223372036854775807 does not fit at 1 decimal places"),
                report.badRows().stream().map(Object::toString).toList());
        assertEquals(List.of(), report.fileErrors());
        assertEquals(List.of(), context.errors());
    }

    @Test
    void scaledPaceWaitsForTheRecordedGaps() throws Exception {
        // a file of quotes only (the QuoteTick schema itself, no union); one recorded second at 10x: >= 100 ms
        Path file = writeTicks("paced.avro", QuoteTick.getClassSchema(),
                quote("X", 1_000_000_000L, p(1, 0), p(2, 0), q(1, 0), q(1, 0)),
                quote("X", 1_500_000_000L, p(1, 0), p(3, 0), q(1, 0), q(1, 0)),
                quote("X", 2_000_000_000L, p(1, 0), p(4, 0), q(1, 0), q(1, 0)));
        long start = System.nanoTime();
        ReplayVenueAdapter replay = replay(Map.of("files", file.toString(), "speed", "10x"));
        assertTrue(System.nanoTime() - start >= 100_000_000L, "replay must not run ahead of the scaled recorded time");
        assertEquals(List.of(2L, 3L, 4L), bus.payloads("**", Quote.class).stream().map(Quote::askPrice).toList());
        assertEquals(3, replay.report().quotes());
    }

    @Test
    void recordsThatDoNotFitTheTickShapeAreBadAndTheReplayGoesOn() throws Exception {
        // another writer's schemas: a QuoteTick whose bidPrice is a string, a TradeTick without size, a foreign record
        Schema schema = new Schema.Parser().parse("""
                [{"type": "record", "name": "QuoteTick", "namespace": "other", "fields": [
                   {"name": "instrument", "type": {"type": "record", "name": "Inst", "fields": [
                      {"name": "venue", "type": "string"}, {"name": "symbol", "type": "string"}]}},
                   {"name": "bidPrice", "type": "string"},
                   {"name": "tsEvent", "type": "long"}]},
                 {"type": "record", "name": "TradeTick", "namespace": "other", "fields": [
                   {"name": "instrument", "type": "Inst"},
                   {"name": "price", "type": {"type": "record", "name": "P", "fields": [
                      {"name": "mantissa", "type": "long"}, {"name": "scale", "type": "int"}]}},
                   {"name": "tsEvent", "type": "long"}]},
                 {"type": "record", "name": "Heartbeat", "namespace": "other", "fields": [{"name": "ts", "type": "long"}]}]
                """);
        Schema quoteSchema = schema.getTypes().get(0);
        Schema tradeSchema = schema.getTypes().get(1);
        GenericRecord inst = new GenericRecordBuilder(quoteSchema.getField("instrument").schema())
                .set("venue", "X").set("symbol", "AAA").build();
        GenericRecord price = new GenericRecordBuilder(tradeSchema.getField("price").schema())
                .set("mantissa", 5L).set("scale", 0).build();
        Path odd = write("odd.avro", schema, new GenericDatumWriter<>(schema, GenericData.get()), false, List.of(
                new GenericRecordBuilder(quoteSchema).set("instrument", inst).set("bidPrice", "42000.5").set("tsEvent", 1L).build(),
                new GenericRecordBuilder(tradeSchema).set("instrument", inst).set("price", price).set("tsEvent", 2L).build(),
                new GenericRecordBuilder(schema.getTypes().get(2)).set("ts", 3L).build()), new ArrayList<>());
        Path good = writeTicks("good.avro", TICKS,
                trade("X", 4, p(5, 0), q(1, 0), io.tributary.schemas.AggressorSide.NO_AGGRESSOR, "g-1"));

        ReplayVenueAdapter replay = replay(Map.of("files", List.of(odd.toString(), good.toString()), "speed", "max"));

        assertEquals(List.of(new Trade(InstrumentId.of("X", "BTCUSDT"), 5, 1, 0, 0, AggressorSide.NO_AGGRESSOR, "g-1", 4, 9)),
                payloads());
        assertEquals(List.of(
                odd + ": record 1: field bidPrice: expected a record, got a string '42000.5'",
                odd + ": record 2: missing field size in other.TradeTick",
                odd + ": record 3: record type other.Heartbeat is neither QuoteTick nor TradeTick"),
                replay.report().badRows().stream().map(Object::toString).toList());
        assertEquals(4, replay.report().rows());
    }

    @Test
    void aTruncatedFileStopsAtTheBrokenBlockKeepsWhatCameBeforeAndTheNextFileIsReplayed() throws Exception {
        List<Long> blockEnds = new ArrayList<>();
        List<QuoteTick> quotes = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            quotes.add(quote("X", i, p(i, 0), p(i + 1, 0), q(1, 0), q(1, 0)));
        }
        Schema schema = QuoteTick.getClassSchema();
        Path cut = write("cut.avro", schema, new SpecificDatumWriter<>(schema), true, quotes, blockEnds);
        try (RandomAccessFile f = new RandomAccessFile(cut.toFile(), "rw")) {
            f.setLength(f.length() - 5);   // inside the last block's sync marker
        }
        Path next = writeTicks("next.avro", TICKS,
                trade("X", 9, p(5, 0), q(1, 0), io.tributary.schemas.AggressorSide.BUYER, "n-1"));

        ReplayVenueAdapter replay = replay(Map.of("files", List.of(cut.toString(), next.toString()), "speed", "max"));

        assertEquals(List.of(1L, 2L, 3L), bus.payloads("**", Quote.class).stream().map(Quote::bidPrice).toList());
        assertEquals(List.of("n-1"), bus.payloads("**", Trade.class).stream().map(Trade::tradeId).toList());
        ReplayReport report = replay.report();
        assertEquals(1, report.fileErrors().size());
        ReplayReport.FileError error = report.fileErrors().get(0);
        assertEquals(cut, error.file());
        assertEquals(blockEnds.get(2), error.position(), "the broken block starts where the third one ended");
        assertEquals("truncated block after record 3: EOFException: the file ends " + (Files.size(cut) - blockEnds.get(2))
                + " bytes into the block", error.reason());
        assertTrue(report.finished());
        assertEquals(0, report.badRowCount());
        assertEquals(1, context.errors().size(), "the stopped file is reported to the host as an error");
    }

    @Test
    void aCorruptSyncMarkerStopsTheFileAtThatBlock() throws Exception {
        List<Long> blockEnds = new ArrayList<>();
        List<QuoteTick> quotes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            quotes.add(quote("X", i, p(i, 0), p(i + 1, 0), q(1, 0), q(1, 0)));
        }
        Schema schema = QuoteTick.getClassSchema();
        Path bad = write("bad-sync.avro", schema, new SpecificDatumWriter<>(schema), true, quotes, blockEnds);
        try (RandomAccessFile f = new RandomAccessFile(bad.toFile(), "rw")) {
            long lastByteOfSecondSync = blockEnds.get(1) - 1;
            f.seek(lastByteOfSecondSync);
            int b = f.read();
            f.seek(lastByteOfSecondSync);
            f.write(b ^ 0xFF);
        }

        ReplayVenueAdapter replay = replay(Map.of("files", bad.toString(), "speed", "max"));

        assertEquals(List.of(1L), bus.payloads("**", Quote.class).stream().map(Quote::bidPrice).toList());
        ReplayReport.FileError error = replay.report().fileErrors().get(0);
        assertEquals(blockEnds.get(0), error.position(), "the second block, whose sync marker is wrong, starts where the first ended");
        assertEquals("corrupt or truncated block after record 1: IOException: Invalid sync!", error.reason());
        assertEquals(bad + ": at byte " + blockEnds.get(0) + ": " + error.reason(), error.toString());
    }

    @Test
    void formatIsChosenByExtensionOrByTheFormatKey() throws Exception {
        Path upper = writeTicks("UPPER.AVRO", TICKS,
                trade("X", 1, p(5, 0), q(1, 0), io.tributary.schemas.AggressorSide.BUYER, "u-1"));
        Path binary = writeTicks("ticks.bin", TICKS,
                trade("X", 2, p(5, 0), q(1, 0), io.tributary.schemas.AggressorSide.SELLER, "b-1"));
        replay(Map.of("files", upper.toString(), "speed", "max"));
        replay(Map.of("files", binary.toString(), "speed", "max", "format", "avro"));
        assertEquals(List.of("u-1", "b-1"), bus.payloads("**", Trade.class).stream().map(Trade::tradeId).toList());

        // format=csv overrides the extension
        Path csvNamedAvro = Files.writeString(dir.resolve("rows.avro"), "T,3,X,AAA,5,1,B,c-1\n");
        replay(Map.of("files", csvNamedAvro.toString(), "speed", "max", "format", "csv"));
        assertEquals(List.of("u-1", "b-1", "c-1"), bus.payloads("**", Trade.class).stream().map(Trade::tradeId).toList());
    }

    @Test
    void aFileThatIsNotAContainerOfTicksIsAConfigErrorNamingIt() throws Exception {
        Path csv = Files.writeString(dir.resolve("day.avro"), "Q,1,X,AAA,1,2,1,1\n");
        ConfigException notAvro = assertThrows(ConfigException.class, () -> create(Map.of("files", csv.toString())));
        assertTrue(notAvro.getMessage().startsWith("invalid config for venue 'replay': key 'files': " + csv
                + " cannot be read as an Avro container file: "), notAvro.getMessage());

        Schema other = Price.getClassSchema();
        Path prices = write("prices.avro", other, new SpecificDatumWriter<>(other), false, List.of(p(1, 0)), new ArrayList<>());
        ConfigException wrongType = assertThrows(ConfigException.class, () -> create(Map.of("files", prices.toString())));
        assertEquals("invalid config for venue 'replay': key 'files': " + prices
                + " holds io.tributary.schemas.Price, not QuoteTick or TradeTick records (nor a union with them)",
                wrongType.getMessage());

        ConfigException badFormat = assertThrows(ConfigException.class,
                () -> create(Map.of("files", csv.toString(), "format", "parquet")));
        assertTrue(badFormat.getMessage().contains("key 'format'"), badFormat.getMessage());
    }
}
