package io.tributary.runtime.transport.redis;

import io.tributary.api.Headers;
import io.tributary.api.Priority;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.market.Decimal;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.OrderCommand;
import io.tributary.api.market.OrderType;
import io.tributary.api.market.Side;
import io.tributary.api.market.TimeInForce;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.transport.avro.PayloadMapping;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.StringCodec;
import org.redisson.codec.CompositeCodec;
import org.redisson.config.Config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.tributary.runtime.transport.redis.RedisFixtures.await;
import static io.tributary.runtime.transport.redis.RedisFixtures.redisCli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recipe of docs/redis.md, proven: what {@code run --transport redis} writes (an
 * {@code api.market} order crossing as Avro {@code SubmitOrder}) is read back with {@code redis-cli
 * XRANGE} and with plain Redisson ({@code XRANGE}, Redisson's own codecs), and the payload is decoded
 * with plain {@code org.apache.avro} and the .avsc files from schemas: nothing from Tributary on the
 * reading side.
 */
class ReadStreamsWithPlainToolsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STREAM = "tributary.orders.new.quote-taker.critical";

    @Test
    void anOrderWrittenByTheTransportIsReadWithXrangeAndDecodedWithPlainAvro() throws Exception {
        OrderCommand.Submit order = new OrderCommand.Submit("qt-42", "quote-taker", InstrumentId.of("BINANCE", "BTCUSDT"),
                Side.BUY, OrderType.LIMIT, Decimal.of(25, 3), Decimal.of(6_500_012, 2), TimeInForce.IOC,
                1_732_460_000_000_000_000L);
        TopologyBuilder t = new TopologyBuilder("recipe");
        t.stream("orders.new.*").to("orders.seen");
        Topology topology = t.build();
        try (LocalRedisServer server = LocalRedisServer.start(LocalRedisServer.Options.defaults());
             LocalMessageBus bus = LocalMessageBus.withDefaults();
             RedisTransportRunner redis = RedisTransportRunner.attach(topology, bus,
                     new RedisTransportRunner.Options(server.address(), "tributary", null, PayloadMapping.MARKET))) {
            bus.publish("orders.new.quote-taker", "quote-taker", order, Priority.CRITICAL, Headers.EMPTY);
            assertTrue(redis.publisher().flush(WAIT) && await(WAIT, () -> redis.publisher().sent() == 1));

            // the shell: redis-cli --no-raw XRANGE <stream> - + COUNT 1
            String cli = redisCli(server.port(), "--no-raw", "XRANGE", STREAM, "-", "+", "COUNT", "1");
            assertTrue(cli.contains("\"id\"") && cli.contains("\"key\"") && cli.contains("\"quote-taker\"")
                    && cli.contains("\"payload\"") && cli.contains("\"\\xc3\\x01"), cli);

            // --- the documented Java recipe, from here on nothing from Tributary ---
            Config config = new Config();
            config.useSingleServer().setAddress(server.address());
            RedissonClient redisson = Redisson.create(config);
            try {
                RStream<String, byte[]> stream = redisson.getStream(STREAM,
                        new CompositeCodec(StringCodec.INSTANCE, ByteArrayCodec.INSTANCE, ByteArrayCodec.INSTANCE));
                Map<StreamMessageId, Map<String, byte[]>> entries = stream.range(10, StreamMessageId.MIN, StreamMessageId.MAX);
                assertEquals(1, entries.size());
                Map<String, byte[]> fields = entries.values().iterator().next();
                byte[] msg = fields.get("payload");
                assertEquals(java.util.Set.of("id", "key", "payload"), fields.keySet(), "a lone message's entry");

                Schema.Parser parser = new Schema.Parser();
                for (Path dir : List.of(Path.of("../schemas/src/main/avro/common"))) {
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path f : files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList()) {
                            parser.parse(f.toFile());
                        }
                    }
                }
                Schema schema = parser.parse(new java.io.File("../schemas/src/main/avro/SubmitOrder.avsc"));

                if (msg[0] != (byte) 0xC3 || msg[1] != 0x01) {
                    throw new IOException("not Avro single-object encoding");
                }
                long fingerprint = ByteBuffer.wrap(msg, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
                assertEquals(SchemaNormalization.parsingFingerprint64(schema), fingerprint, "the writer schema is SubmitOrder");
                GenericRecord record = new GenericDatumReader<GenericRecord>(schema)
                        .read(null, DecoderFactory.get().binaryDecoder(msg, 10, msg.length - 10, null));
                // --- end of the recipe ---

                assertEquals("qt-42", record.get("clientOrderId").toString());
                assertEquals("quote-taker", record.get("strategyId").toString());
                assertEquals("BTCUSDT", ((GenericRecord) record.get("instrument")).get("symbol").toString());
                assertEquals("BUY", record.get("side").toString());
                assertEquals("LIMIT", record.get("orderType").toString());
                assertEquals(6_500_012L, ((GenericRecord) record.get("price")).get("mantissa"));
                assertEquals(2, ((GenericRecord) record.get("price")).get("scale"));
                assertEquals(25L, ((GenericRecord) record.get("quantity")).get("mantissa"));
                assertEquals(1_732_460_000_000_000_000L, record.get("tsInit"));
                assertEquals("quote-taker", new String(fields.get("key"), StandardCharsets.UTF_8));
                assertTrue(new String(fields.get("id"), StandardCharsets.US_ASCII).matches("\\d+"), "a decimal message id");
            } finally {
                redisson.shutdown();
            }
        }
    }

    /**
     * Orders published together share an entry (docs/decisions/0051): {@code id} (the first message's),
     * {@code n}, and per message {@code key.i}, {@code payload.i}; each payload decodes with plain Avro as
     * above, message i's id is id + i.
     */
    @Test
    void ordersPackedIntoOneEntryAreEachDecodedWithPlainAvro() throws Exception {
        TopologyBuilder t = new TopologyBuilder("recipe");
        t.stream("orders.new.*").to("orders.seen");
        Topology topology = t.build();
        int orders = 40;
        try (LocalRedisServer server = LocalRedisServer.start(LocalRedisServer.Options.defaults());
             LocalMessageBus bus = LocalMessageBus.withDefaults();
             RedisTransportRunner redis = RedisTransportRunner.attach(topology, bus,
                     new RedisTransportRunner.Options(server.address(), "tributary", null, PayloadMapping.MARKET))) {
            RedisFixtures.pauseWrites(server, 1_500);   // the first batch waits; the others queue and are packed
            for (int i = 0; i < orders; i++) {
                bus.publish("orders.new.quote-taker", "quote-taker", order("qt-" + i), Priority.CRITICAL, Headers.EMPTY);
            }
            assertTrue(redis.publisher().flush(WAIT) && await(WAIT, () -> redis.publisher().sent() == orders));
            assertTrue(redis.publisher().entries() < orders, "nothing packed: " + redis.publisher().entries() + " entries");

            String cli = redisCli(server.port(), "--no-raw", "XRANGE", STREAM, "-", "+");
            assertTrue(cli.contains("\"n\"") && cli.contains("\"payload.0\"") && cli.contains("\"key.1\""), cli);

            Config config = new Config();
            config.useSingleServer().setAddress(server.address());
            RedissonClient redisson = Redisson.create(config);
            try {
                RStream<String, byte[]> stream = redisson.getStream(STREAM,
                        new CompositeCodec(StringCodec.INSTANCE, ByteArrayCodec.INSTANCE, ByteArrayCodec.INSTANCE));
                Schema schema = submitOrderSchema();
                List<String> clientOrderIds = new java.util.ArrayList<>();
                java.util.Set<Long> ids = new java.util.HashSet<>();
                boolean sawPacked = false;
                for (Map<String, byte[]> fields : stream.range(StreamMessageId.MIN, StreamMessageId.MAX).values()) {
                    long id = Long.parseLong(new String(fields.get("id"), StandardCharsets.US_ASCII));
                    if (fields.get("n") == null) {
                        clientOrderIds.add(decode(fields.get("payload"), schema).get("clientOrderId").toString());
                        ids.add(id);
                        continue;
                    }
                    sawPacked = true;
                    int n = Integer.parseInt(new String(fields.get("n"), StandardCharsets.US_ASCII));
                    assertTrue(n >= 2 && n <= 16, "n = " + n);
                    assertEquals(2 + 2 * n, fields.size(), "id, n and a key and a payload per message: " + fields.keySet());
                    for (int i = 0; i < n; i++) {
                        assertEquals("quote-taker", new String(fields.get("key." + i), StandardCharsets.UTF_8));
                        clientOrderIds.add(decode(fields.get("payload." + i), schema).get("clientOrderId").toString());
                        ids.add(id + i);
                    }
                }
                assertTrue(sawPacked, "no packed entry in " + STREAM);
                List<String> expected = new java.util.ArrayList<>();
                for (int i = 0; i < orders; i++) {
                    expected.add("qt-" + i);
                }
                assertEquals(expected, clientOrderIds, "every order, once, in publishing order");
                assertEquals(orders, ids.size(), "distinct message ids");
            } finally {
                redisson.shutdown();
            }
        }
    }

    private static OrderCommand.Submit order(String clientOrderId) {
        return new OrderCommand.Submit(clientOrderId, "quote-taker", InstrumentId.of("BINANCE", "BTCUSDT"),
                Side.BUY, OrderType.LIMIT, Decimal.of(25, 3), Decimal.of(6_500_012, 2), TimeInForce.IOC,
                1_732_460_000_000_000_000L);
    }

    private static Schema submitOrderSchema() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        try (Stream<Path> files = Files.list(Path.of("../schemas/src/main/avro/common"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList()) {
                parser.parse(f.toFile());
            }
        }
        return parser.parse(new java.io.File("../schemas/src/main/avro/SubmitOrder.avsc"));
    }

    /** The recipe's decoding, plain Avro only. */
    private static GenericRecord decode(byte[] msg, Schema schema) throws IOException {
        if (msg[0] != (byte) 0xC3 || msg[1] != 0x01) {
            throw new IOException("not Avro single-object encoding");
        }
        assertEquals(SchemaNormalization.parsingFingerprint64(schema),
                ByteBuffer.wrap(msg, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
        return new GenericDatumReader<GenericRecord>(schema)
                .read(null, DecoderFactory.get().binaryDecoder(msg, 10, msg.length - 10, null));
    }
}
