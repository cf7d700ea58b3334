package io.tributary.runtime.transport.redis;

import io.tributary.runtime.config.ConfigLoader;
import io.tributary.runtime.transport.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.api.RedissonClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rediss://} against a real redis-server listening for TLS only, with a CA and server
 * certificates made for the test: messages go through when the trust store holds the server's CA,
 * a client trusting another CA is refused, and the host name is checked unless turned off.
 */
class RedisTlsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STORE_PASSWORD = "trust-me";

    @TempDir
    static Path dir;
    private static TestCertificates certs;
    private static TestCertificates.Ca ca;
    /** Its certificate is for localhost and 127.0.0.1, the address the clients use. */
    private static LocalRedisServer server;
    /** Same CA, but its certificate is for redis.example.org only. */
    private static LocalRedisServer otherName;

    @BeforeAll
    static void start() throws Exception {
        certs = new TestCertificates(dir);
        ca = certs.ca("tributary-test-ca");
        server = LocalRedisServer.start(LocalRedisServer.Options.defaults()
                .withTls(certs.server(ca, "localhost", "DNS:localhost,IP:127.0.0.1")));
        otherName = LocalRedisServer.start(LocalRedisServer.Options.defaults()
                .withTls(certs.server(ca, "redis.example.org", "DNS:redis.example.org")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (otherName != null) {
            otherName.close();
        }
    }

    /** {@code tributary.transport.redis} with {@code address} and the {@code tls} block, as a user would write it. */
    private static RedisSettings fromConfig(String address, Path truststore, boolean verifyHostname) throws Exception {
        Path file = Files.writeString(dir.resolve("redis-" + System.nanoTime() + ".conf"), """
                tributary.transport { type = redis, redis {
                  address = "%s"
                  app = tls
                  connectTimeout = 5s
                  tls { truststore = "%s", truststorePassword = "%s", verifyHostname = %s }
                } }
                """.formatted(address, truststore, STORE_PASSWORD, verifyHostname));
        return RedisSettings.fromConfig(new ConfigLoader(Map.of(), new Properties(), RedisTlsIT.class.getClassLoader(), 2)
                .load(file).transport().redis());
    }

    @Test
    void messagesGoThroughTlsSetUpFromTheConfigFile() throws Exception {
        assertTrue(server.address().startsWith("rediss://127.0.0.1:"), server.address());
        RedisSettings s = fromConfig(server.address(), certs.truststore(ca, STORE_PASSWORD), true);
        assertTrue(s.tlsVerifyHostname());
        RedisFixtures.roundTrip(s, "q", 500, WAIT);
    }

    @Test
    void aClientTrustingAnotherCaIsRefusedNamingTheAddress() throws Exception {
        TestCertificates.Ca stranger = certs.ca("some-other-ca");
        Path strangerStore = certs.truststore(stranger, STORE_PASSWORD);
        RedisSettings s = fromConfig(server.address(), strangerStore, false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RedisClients.connect(s).shutdown());
        assertTrue(e.getMessage().contains("cannot connect to Redis at " + server.address()), e.getMessage());
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("certification path"), e.getMessage());
        assertTrue(e.getMessage().contains("TLS handshake failed; trusting tls.truststore " + strangerStore), e.getMessage());
    }

    @Test
    void theHostNameIsCheckedUnlessVerifyHostnameIsOff() throws Exception {
        Path trust = certs.truststore(ca, STORE_PASSWORD);
        RedisSettings strict = fromConfig(otherName.address(), trust, true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RedisClients.connect(strict).shutdown());
        assertTrue(e.getMessage().contains("cannot connect to Redis at " + otherName.address()), e.getMessage());
        assertTrue(e.getMessage().contains("No subject alternative names matching IP address 127.0.0.1"), e.getMessage());
        assertTrue(e.getMessage().contains("tls.verifyHostname = true"), e.getMessage());

        RedisSettings chainOnly = fromConfig(otherName.address(), trust, false);
        RedissonClient client = RedisClients.connect(chainOnly);
        try {
            assertEquals(0, client.getKeys().count(), "a fresh server");
        } finally {
            client.shutdown();
        }
        RedisFixtures.roundTrip(chainOnly, "q", 100, WAIT);
    }
}
