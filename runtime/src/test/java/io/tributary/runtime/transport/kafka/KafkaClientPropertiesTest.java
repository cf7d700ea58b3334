package io.tributary.runtime.transport.kafka;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KafkaClientPropertiesTest {

    @Test
    void aConfigBlockBecomesKafkaClientProperties() {
        var config = ConfigFactory.parseString("""
                tributary.transport.kafka.client {
                  "security.protocol" = SASL_SSL
                  sasl.mechanism = SCRAM-SHA-512
                  "sasl.jaas.config" = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\\"u\\" password=\\"p\\";"
                  ssl.truststore.location = /etc/kafka/truststore.jks
                  max.poll.records = 500
                }
                """);
        Map<String, Object> p = KafkaClientProperties.from(config, "tributary.transport.kafka.client");
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "ssl.truststore.location", "/etc/kafka/truststore.jks", "max.poll.records", "500"), p);
        assertEquals(Map.of(), KafkaClientProperties.from(config, "tributary.transport.kafka.absent"));
    }

    @Test
    void prefixedSettingsLoseTheirPrefixAndOthersAreIgnored() {
        assertEquals(Map.of("security.protocol", "SSL"),
                KafkaClientProperties.fromPrefixed(Map.of("kafka.security.protocol", "SSL", "redis.address", "x", "kafka.", "y")));
    }

    @Test
    void passThroughPropertiesReachEveryClientAndWin() {
        KafkaLaneSettings s = KafkaLaneSettings.defaults("b:9092", "app")
                .withKafkaProperties(Map.of("security.protocol", "SASL_SSL", "linger.ms", 3));
        assertEquals("SASL_SSL", s.producerConfig().get("security.protocol"));
        assertEquals(3, s.producerConfig().get("linger.ms"));
        assertEquals("SASL_SSL", s.consumerConfig("g").get("security.protocol"));
        assertEquals("SASL_SSL", s.adminConfig().get("security.protocol"));
    }
}
