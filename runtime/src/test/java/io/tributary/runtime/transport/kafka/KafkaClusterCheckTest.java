package io.tributary.runtime.transport.kafka;

import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KafkaClusterCheckTest {
    private static final Map<String, Object> PLAIN = Map.of("bootstrap.servers", "k1:9092");
    private static final Map<String, Object> SECURED = Map.of("bootstrap.servers", "k1:9093",
            "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
            "ssl.truststore.location", "/etc/kafka/trust.jks");

    @Test
    void theTimeoutIsTheClientsDefaultApiTimeoutWhenSetElseFifteenSeconds() {
        assertEquals(Duration.ofSeconds(15), KafkaClusterCheck.timeout(PLAIN));
        assertEquals(Duration.ofMillis(2500), KafkaClusterCheck.timeout(Map.of("default.api.timeout.ms", " 2500")));
        assertEquals(Duration.ofMillis(4000), KafkaClusterCheck.timeout(Map.of("default.api.timeout.ms", 4000)));
    }

    @Test
    void eachFailureSaysWhereWithWhichSettingsAndWhy() {
        assertEquals("no broker of Kafka at k1:9092 answered within 15 s (security.protocol PLAINTEXT)",
                KafkaClusterCheck.describe(PLAIN, new TimeoutException("Timed out waiting for a node assignment"),
                        Duration.ofSeconds(15)));
        assertEquals("Kafka at k1:9093 refused the credentials (security.protocol SASL_SSL, sasl.mechanism SCRAM-SHA-512):"
                        + " Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512",
                KafkaClusterCheck.describe(SECURED, new SaslAuthenticationException("Authentication failed during"
                        + " authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512"), Duration.ofSeconds(15)));
        assertEquals("the TLS handshake with Kafka at k1:9093 failed (security.protocol SASL_SSL, sasl.mechanism SCRAM-SHA-512),"
                        + " trusting ssl.truststore.location /etc/kafka/trust.jks: SSL handshake failed: PKIX path building failed",
                KafkaClusterCheck.describe(SECURED, new SslAuthenticationException("SSL handshake failed",
                        new SSLHandshakeException("PKIX path building failed")), Duration.ofSeconds(15)));
        assertEquals("cannot use Kafka at k1:9092 (security.protocol PLAINTEXT): Failed to create new KafkaAdminClient:"
                        + " No resolvable bootstrap urls given in bootstrap.servers",
                KafkaClusterCheck.describe(PLAIN, new org.apache.kafka.common.KafkaException("Failed to create new KafkaAdminClient",
                        new org.apache.kafka.common.config.ConfigException("No resolvable bootstrap urls given in bootstrap.servers")),
                        Duration.ofSeconds(15)));
    }
}
