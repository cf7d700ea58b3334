package io.tributary.runtime.transport.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One in-process KRaft broker (combined broker + controller) for local runs and tests.
 *
 * <p>Wraps Kafka's internal {@link KafkaClusterTestKit}, which changes between Kafka minor versions,
 * so that nothing else in Tributary touches it. The kit throws on a second close and its threads
 * keep the JVM alive if it is never closed: {@link #close()} is idempotent and a shutdown hook
 * closes a broker that its owner forgot.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    static {
        // Kafka's broker touches the Log4j API for its logger controller; without log4j-core (excluded:
        // its bundled config logs INFO to stdout) Log4j would complain on stderr that it has no provider.
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
    }

    /** The super user of {@link #startWithSaslPlain()}'s broker (Kafka's test kit fixes the name). */
    public static final String SASL_ADMIN_USER = "plain-admin";
    /** Its password. */
    public static final String SASL_ADMIN_PASSWORD = "plain-admin-secret";

    /** The kit numbers a combined node as its first broker. */
    private static final int NODE_ID = 0;

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;
    private final Map<String, Object> clientSecurity;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private EmbeddedKafkaBroker(KafkaClusterTestKit cluster, Map<String, Object> clientSecurity) {
        this.cluster = cluster;
        this.bootstrapServers = cluster.bootstrapServers();
        this.clientSecurity = clientSecurity;
        this.shutdownHook = new Thread(this::closeQuietly, "embedded-kafka-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Formats, starts and waits for a single-node KRaft cluster on a free loopback port. */
    public static EmbeddedKafkaBroker start() {
        return start(SecurityProtocol.PLAINTEXT, Map.of(), Map.of(), Map.of());
    }

    /**
     * As {@link #start()}, but every listener demands SASL/PLAIN and an ACL authorizer denies what no
     * ACL allows: only {@link #SASL_ADMIN_USER} (a super user) may do anything. For trying a desk's
     * secured client settings against a broker that really checks them.
     */
    public static EmbeddedKafkaBroker startWithSaslPlain() {
        return start(SecurityProtocol.SASL_PLAINTEXT, Map.of(), Map.of(),
                saslPlainClientProperties(SASL_ADMIN_USER, SASL_ADMIN_PASSWORD));
    }

    /**
     * As {@link #start()}, but clients speak TLS to it ({@code security.protocol=SSL}); the controller's
     * own listener stays plain.
     *
     * @param keyAndCertificate a PEM file holding the broker's unencrypted PKCS#8 private key and its
     *                          certificate chain; the certificate must name {@code localhost}
     * @param caCertificate     the PEM certificate of the authority that signed it, which the broker
     *                          trusts for its own connections and {@link #admin()} trusts
     */
    public static EmbeddedKafkaBroker startWithTls(Path keyAndCertificate, Path caCertificate) {
        Map<String, Object> trust = Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SSL.name,
                SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM",
                SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, caCertificate.toString());
        Map<String, Object> broker = new HashMap<>(trust);
        broker.remove(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
        broker.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PEM");
        broker.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, keyAndCertificate.toString());
        // the kit refuses SSL listeners; its per-node overrides come after its own listener map, so
        // its plain client listener (EXTERNAL, also the inter-broker one) is made a TLS one there
        Map<String, String> tlsListener = Map.of("listener.security.protocol.map", "EXTERNAL:SSL,CONTROLLER:PLAINTEXT");
        return start(SecurityProtocol.PLAINTEXT, tlsListener, broker, trust);
    }

    /**
     * As {@link #start()}, but the broker tells clients to reach it at {@code localhost:advertisedPort}
     * (a relay in front of it, say) rather than at its own port.
     */
    static EmbeddedKafkaBroker startAdvertising(int advertisedPort) {
        return start(SecurityProtocol.PLAINTEXT, Map.of("advertised.listeners", "EXTERNAL://localhost:" + advertisedPort),
                Map.of(), Map.of());
    }

    private static EmbeddedKafkaBroker start(SecurityProtocol protocol, Map<String, String> nodeOverrides,
                                             Map<String, Object> brokerConfig, Map<String, Object> clientSecurity) {
        long t0 = System.nanoTime();
        KafkaClusterTestKit cluster = null;
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                    .setBrokerSecurityProtocol(protocol).setControllerSecurityProtocol(protocol)
                    .setPerServerProperties(nodeOverrides.isEmpty() ? Map.of() : Map.of(NODE_ID, nodeOverrides)).build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "4")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "4")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true");
            brokerConfig.forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            if (cluster != null) {
                try {
                    cluster.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("embedded Kafka broker failed to start: " + e, e);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(cluster, clientSecurity);
        LOG.info("embedded Kafka broker on {} started in {} ms", broker.bootstrapServers,
                (System.nanoTime() - t0) / 1_000_000);
        return broker;
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The client properties a SASL/PLAIN user needs ({@code security.protocol}, {@code sasl.mechanism},
     * {@code sasl.jaas.config}), as a desk would put them under {@code tributary.transport.kafka.client}.
     */
    public static Map<String, Object> saslPlainClientProperties(String user, String password) {
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name,
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"" + user + "\" password=\"" + password + "\";");
    }

    /** A new admin client for this broker (its super user on a SASL broker, trusting its CA on TLS); the caller closes it. */
    public Admin admin() {
        Map<String, Object> config = new HashMap<>(clientSecurity);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(config);
    }

    /** Creates the topics that do not exist yet, with {@code partitions} partitions each. */
    public void createTopics(int partitions, String... topics) {
        createTopics(partitions, List.of(topics));
    }

    /** Creates the topics that do not exist yet, with {@code partitions} partitions each. */
    public void createTopics(int partitions, Collection<String> topics) {
        try (Admin admin = admin()) {
            KafkaTopics.create(admin, partitions, topics);
        }
    }

    /** Stops the broker; later calls do nothing. */
    @Override
    public void close() {
        if (closeQuietly()) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or ran: nothing to remove
            }
        }
    }

    private boolean closeQuietly() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warn("embedded Kafka broker on {} did not close cleanly: {}", bootstrapServers, e.toString());
        }
        return true;
    }
}
