package io.tributary.runtime.transport.kafka;

import io.tributary.api.Envelope;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.schemas.SubmitOrder;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import static io.tributary.runtime.transport.kafka.KafkaLanesIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's recipe, proved: an output topic Tributary wrote (bus -> Kafka Streams -> lane topic, as
 * {@code run --transport kafka} does) read with a plain {@code KafkaConsumer<byte[], byte[]>} and
 * decoded with plain Avro ({@link GenericDatumReader}) and the {@code .avsc} files of the schemas module,
 * nothing from Tributary on the reading side.
 */
class PlainClientReadsOutputIT {
    private static final Path AVRO = Path.of("../schemas/src/main/avro");

    @Test
    void anOutputTopicIsReadWithAPlainKafkaConsumerAndDecodedWithPlainAvro() {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            String app = "plain";
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
                new KafkaLanes(KafkaLaneSettings.defaults(broker.bootstrapServers(), app))
                        .createTopics(List.of("orders.new.acct-9"), 1);
                ConcurrentLinkedQueue<Envelope<SubmitOrder>> approved = new ConcurrentLinkedQueue<>();
                try (LocalMessageBus bus = LocalMessageBus.withDefaults()) {
                    bus.subscribe("orders.approved", (Envelope<SubmitOrder> m) -> approved.add(m.copy()),
                            SubscribeOptions.inline());
                    try (KafkaTransportRunner kafka = KafkaTransportRunner.start(RiskTopology.build(),
                            PluginCatalog.empty(), bus, new KafkaTransportRunner.Options(broker.bootstrapServers(), app,
                                    false, Map.of()))) {
                        assertTrue(kafka.awaitRunning(Duration.ofSeconds(60)));
                        bus.publish("orders.new.acct-9", "acct-9", RiskTopology.order("acct-9", "p-1", 42), Priority.NORMAL);
                        await(() -> approved.size() == 1);   // written to the output topic, and read back by Tributary
                    }
                }

                // from here on: kafka-clients and org.apache.avro only
                ConsumerRecord<byte[], byte[]> record = readOne(broker.bootstrapServers(), app + ".orders.approved.critical");
                assertEquals("acct-9", new String(record.key(), StandardCharsets.UTF_8), "keys are plain UTF-8 text");
                Header id = record.headers().lastHeader("tributary.id");
                assertNotNull(id, "the message id header");
                assertEquals(8, id.value().length, "a big-endian long");

                byte[] value = record.value();
                assertEquals((byte) 0xC3, value[0], "single-object encoding marker");
                assertEquals((byte) 0x01, value[1], "single-object encoding marker");
                Schema schema = schemas().get("io.tributary.schemas.SubmitOrder");
                long fingerprint = ByteBuffer.wrap(value, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
                assertEquals(SchemaNormalization.parsingFingerprint64(schema), fingerprint,
                        "bytes 2..9 are the CRC-64-AVRO fingerprint of SubmitOrder.avsc");
                GenericRecord order = new GenericDatumReader<GenericRecord>(schema)
                        .read(null, DecoderFactory.get().binaryDecoder(value, 10, value.length - 10, null));

                assertEquals("p-1", order.get("clientOrderId").toString());
                assertEquals("acct-9", order.get("strategyId").toString());
                assertEquals(42L, ((GenericRecord) order.get("quantity")).get("mantissa"));
                assertEquals("BTCUSDT", ((GenericRecord) order.get("instrument")).get("symbol").toString());
                assertEquals("BUY", order.get("side").toString());
                assertEquals("LIMIT", order.get("orderType").toString());
                assertEquals(new GenericData.EnumSymbol(schema.getField("timeInForce").schema(), "GTC"), order.get("timeInForce"));
            }
        });
    }

    /** The .avsc files of the schemas module, named types of {@code common/} first, as any reader parses them. */
    private static Map<String, Schema> schemas() throws IOException {
        assertTrue(Files.isDirectory(AVRO), "schema folder " + AVRO.toAbsolutePath() + " (tests run in runtime/)");
        Schema.Parser parser = new Schema.Parser();
        for (Path dir : List.of(AVRO.resolve("common"), AVRO)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList()) {
                    parser.parse(file.toFile());
                }
            }
        }
        return parser.getTypes();
    }

    private static ConsumerRecord<byte[], byte[]> readOne(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "plain-reader", "auto.offset.reset", "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (true) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    return r;
                }
            }
        }
    }
}
