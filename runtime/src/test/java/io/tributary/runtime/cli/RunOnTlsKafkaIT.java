package io.tributary.runtime.cli;

import io.tributary.runtime.plugin.TestPlugins;
import io.tributary.runtime.transport.TestCertificates;
import io.tributary.runtime.transport.kafka.EmbeddedKafkaBroker;
import io.tributary.runtime.transport.redis.LocalRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run --transport kafka --bootstrap} against a broker that speaks only TLS to clients, its
 * certificate signed by a throwaway CA: the trust store named under
 * {@code tributary.transport.kafka.client} reaches every client Tributary makes, and a client that
 * does not trust the CA stops the run with an error that names the handshake and the trust used.
 */
class RunOnTlsKafkaIT {
    private static final String TRUST_PASSWORD = "trust-pw";

    @TempDir
    static Path dir;
    static EmbeddedKafkaBroker broker;
    static Path truststore;

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.ticker(dir.resolve("plugins").resolve("ticker.jar"));
        TestCertificates certs = new TestCertificates(dir);
        TestCertificates.Ca ca = certs.ca("kafka-test");
        LocalRedisServer.Tls server = certs.server(ca, "localhost", "DNS:localhost,IP:127.0.0.1");
        truststore = certs.truststore(ca, TRUST_PASSWORD);
        broker = EmbeddedKafkaBroker.startWithTls(certs.keyAndCertificate(server), ca.cert());
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void theDeskRunsTrustingTheBrokersCaFromItsConfig() throws Exception {
        Path conf = Files.writeString(dir.resolve("trusting.conf"), """
                tributary.transport.kafka.client {
                  "security.protocol" = SSL
                  "ssl.truststore.location" = "%s"
                  "ssl.truststore.password" = %s
                }
                """.formatted(truststore, TRUST_PASSWORD));
        TributaryCliTest.Result r = KafkaDeskRuns.run(broker.bootstrapServers(), conf, dir.resolve("plugins"), "5s");
        KafkaDeskRuns.assertRanThroughKafka(r, broker.bootstrapServers());
    }

    @Test
    void aClientThatDoesNotTrustTheBrokerStopsTheRunSayingWhy() throws Exception {
        Path conf = Files.writeString(dir.resolve("untrusting.conf"),
                "tributary.transport.kafka.client { \"security.protocol\" = SSL }\n");
        TributaryCliTest.Result r = KafkaDeskRuns.run(broker.bootstrapServers(), conf, dir.resolve("plugins"), "60s");
        assertEquals(1, r.code(), r.err() + r.out());
        assertTrue(r.err().startsWith("the TLS handshake with Kafka at " + broker.bootstrapServers()
                + " failed (security.protocol SSL), trusting the JVM's trust store: "), r.err());
        assertTrue(Pattern.compile("PKIX path building failed|unable to find valid certification path").matcher(r.err()).find(),
                r.err());
        assertFalse(r.err().contains("\tat "), "a message, not a stack trace: " + r.err());
        assertFalse(r.out().contains("running kafka-desk"), "nothing ran: " + r.out());
    }
}
