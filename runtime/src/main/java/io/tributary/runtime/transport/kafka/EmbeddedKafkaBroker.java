package io.tributary.runtime.transport.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
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

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private EmbeddedKafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.bootstrapServers = cluster.bootstrapServers();
        this.shutdownHook = new Thread(this::closeQuietly, "embedded-kafka-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Formats, starts and waits for a single-node KRaft cluster on a free loopback port. */
    public static EmbeddedKafkaBroker start() {
        long t0 = System.nanoTime();
        KafkaClusterTestKit cluster = null;
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "4")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "4")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .build();
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
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(cluster);
        LOG.info("embedded Kafka broker on {} started in {} ms", broker.bootstrapServers,
                (System.nanoTime() - t0) / 1_000_000);
        return broker;
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A new admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
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
