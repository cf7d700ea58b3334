package io.tributary.runtime.transport.kafka;

import io.tributary.runtime.config.ConfigLoader;
import io.tributary.runtime.config.TransportSettings;
import io.tributary.runtime.config.TributaryConfig;
import io.tributary.runtime.transport.avro.PayloadMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code tributary.transport.kafka.client} reaches every Kafka client the transport creates. */
class KafkaClientConfigTest {
    @TempDir
    Path dir;

    @Test
    void clientPropertiesFromConfigReachProducerConsumerAdminAndStreams() throws IOException {
        Path file = Files.writeString(dir.resolve("kafka.conf"), String.join("\n",
                "tributary.transport {",
                "  type = kafka",
                "  kafka {",
                "    bootstrapServers = \"b1:9093,b2:9093\"",
                "    applicationId = desk",
                "    processingGuarantee = exactly_once_v2",
                "    profile = throughput",
                "    client {",
                "      \"security.protocol\" = SASL_SSL",
                "      sasl.mechanism = SCRAM-SHA-512",
                "      \"sasl.jaas.config\" = \"org.apache.kafka.common.security.scram.ScramLoginModule required username=\\\"desk\\\" password=\\\"pw\\\";\"",
                "      \"ssl.truststore.location\" = /etc/kafka/truststore.jks",
                "      \"linger.ms\" = 7",
                "    }",
                "  }",
                "}"));
        TributaryConfig cfg = new ConfigLoader(Map.of(), new Properties(), getClass().getClassLoader(), 2).load(file);
        TransportSettings.Kafka kafka = cfg.transport().kafka();
        assertEquals("b1:9093,b2:9093", kafka.bootstrapServers());
        assertEquals(TransportSettings.Kafka.Profile.THROUGHPUT, kafka.profile());
        assertEquals(true, kafka.exactlyOnce());
        Map<String, String> expected = Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"desk\" password=\"pw\";",
                "ssl.truststore.location", "/etc/kafka/truststore.jks",
                "linger.ms", "7");
        assertEquals(expected, kafka.client());

        KafkaTransportRunner.Options options = new KafkaTransportRunner.Options(kafka.bootstrapServers(),
                kafka.applicationId(), kafka.exactlyOnce(), KafkaStreamsSettings.Profile.THROUGHPUT,
                new LinkedHashMap<>(kafka.client()), PayloadMapping.MARKET);
        KafkaLaneSettings lanes = KafkaTransportRunner.laneSettings(options, kafka.bootstrapServers());
        Properties streams = KafkaTransportRunner.streamsSettings(options, kafka.bootstrapServers()).streamsConfig();
        for (Map<String, ?> client : java.util.List.of(lanes.producerConfig(), lanes.consumerConfig("g"),
                lanes.adminConfig(), toMap(streams))) {
            expected.forEach((k, v) -> assertEquals(v, String.valueOf(client.get(k)), k + " in " + client));
            assertEquals("b1:9093,b2:9093", client.get("bootstrap.servers"));
        }
        assertEquals("7", String.valueOf(lanes.producerConfig().get("linger.ms")), "pass-through wins over the default 0");
        assertEquals("exactly_once_v2", streams.get("processing.guarantee"));
        assertEquals("read_committed", lanes.consumerConfig("g").get("isolation.level"));
        assertEquals(262_144, streams.get("producer.batch.size"), "the throughput profile");
        assertEquals(262_144, lanes.producerConfig().get("batch.size"), "the throughput profile batches the lanes too");
        assertEquals(2_000, lanes.consumerConfig("g").get("max.poll.records"));
        assertEquals("desk", streams.get("application.id"));

        KafkaLaneSettings latency = KafkaTransportRunner.laneSettings(new KafkaTransportRunner.Options(
                kafka.bootstrapServers(), "desk", false, KafkaStreamsSettings.Profile.LOW_LATENCY, Map.of(),
                PayloadMapping.MARKET), kafka.bootstrapServers());
        assertEquals(0, latency.producerConfig().get("linger.ms"), "low latency: a lone record is sent at once");
        assertEquals(256, latency.consumerConfig("g").get("max.poll.records"));
    }

    private static Map<String, Object> toMap(Properties p) {
        Map<String, Object> m = new LinkedHashMap<>();
        p.forEach((k, v) -> m.put(String.valueOf(k), v));
        return m;
    }
}
