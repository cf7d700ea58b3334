package io.tributary.runtime.cli;

import io.tributary.runtime.plugin.TestPlugins;
import io.tributary.runtime.transport.kafka.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run --transport kafka --bootstrap} against a broker that demands SASL/PLAIN and denies
 * what no ACL allows: the credentials under {@code tributary.transport.kafka.client} reach every
 * client Tributary makes (admin, Kafka Streams, lane producer and consumers), and wrong ones stop
 * the run with an error that says so.
 */
class RunOnSecuredKafkaIT {
    @TempDir
    static Path dir;
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void start() throws IOException {
        TestPlugins.ticker(dir.resolve("plugins").resolve("ticker.jar"));
        broker = EmbeddedKafkaBroker.startWithSaslPlain();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void theDeskRunsWithTheCredentialsFromItsConfig() throws IOException {
        Path conf = clientConfig("right.conf", EmbeddedKafkaBroker.SASL_ADMIN_USER, EmbeddedKafkaBroker.SASL_ADMIN_PASSWORD);
        TributaryCliTest.Result r = KafkaDeskRuns.run(broker.bootstrapServers(), conf, dir.resolve("plugins"), "5s");
        KafkaDeskRuns.assertRanThroughKafka(r, broker.bootstrapServers());
    }

    @Test
    void aWrongPasswordStopsTheRunAtOnceSayingSo() throws IOException {
        Path conf = clientConfig("wrong.conf", EmbeddedKafkaBroker.SASL_ADMIN_USER, "not-the-password");
        long t0 = System.nanoTime();
        TributaryCliTest.Result r = KafkaDeskRuns.run(broker.bootstrapServers(), conf, dir.resolve("plugins"), "60s");
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertEquals(1, r.code(), r.err() + r.out());
        assertTrue(r.err().startsWith("Kafka at " + broker.bootstrapServers() + " refused the credentials"
                + " (security.protocol SASL_PLAINTEXT, sasl.mechanism PLAIN): Authentication failed: Invalid username or password"
                + System.lineSeparator() + "start Kafka there, pass --bootstrap HOST:PORT"), r.err());
        assertFalse(r.err().contains("\tat "), "a message, not a stack trace: " + r.err());
        assertFalse(r.out().contains("running kafka-desk"), "nothing ran: " + r.out());
        assertTrue(seconds < 60, "failed before its duration, in " + seconds + " s");
    }

    /** plain-user1 has no ACL for application {@code unlicensed}: the first topic it would create is named. */
    @Test
    void aUserWithoutRightsIsToldWhatWasDenied() throws IOException {
        Path conf = clientConfig("user1.conf", "plain-user1", "plain-user1-secret", "unlicensed");
        TributaryCliTest.Result r = KafkaDeskRuns.run(broker.bootstrapServers(), conf, dir.resolve("plugins"), "60s");
        assertEquals(1, r.code(), r.err() + r.out());
        assertTrue(Pattern.compile("^Kafka denied creating topic 'unlicensed\\.desk\\.[a-z.]+': Authorization failed\\."
                + " \\(the client's principal needs CREATE on it, or create the topics ahead:"
                + " \\./tributary describe --transport kafka lists them\\)").matcher(r.err()).find(), r.err());
        assertFalse(r.err().contains("\tat "), "a message, not a stack trace: " + r.err());
    }

    /**
     * What a desk's own principal gets from its operators: every right, but only on topics and groups
     * whose names start with the application id. No super user, no cluster-wide right.
     */
    @Test
    void aUserWithRightsOnTheApplicationsPrefixRunsTheDesk() throws Exception {
        String app = "licensed";
        try (Admin admin = broker.admin()) {
            List<AclBinding> grants = new ArrayList<>();
            for (ResourceType type : new ResourceType[] {ResourceType.TOPIC, ResourceType.GROUP}) {
                grants.add(new AclBinding(new ResourcePattern(type, app, PatternType.PREFIXED),
                        new AccessControlEntry("User:plain-user1", "*", AclOperation.ALL, AclPermissionType.ALLOW)));
            }
            admin.createAcls(grants).all().get();
        }
        Path conf = clientConfig("licensed.conf", "plain-user1", "plain-user1-secret", app);
        TributaryCliTest.Result r = KafkaDeskRuns.run(broker.bootstrapServers(), conf, dir.resolve("plugins"), "5s");
        KafkaDeskRuns.assertRanThroughKafka(r, broker.bootstrapServers());
    }

    private static Path clientConfig(String name, String user, String password) throws IOException {
        return clientConfig(name, user, password, "tributary");
    }

    private static Path clientConfig(String name, String user, String password, String app) throws IOException {
        StringBuilder conf = new StringBuilder("tributary.transport.kafka.applicationId = " + app + "\n")
                .append("tributary.transport.kafka.client {\n");
        for (Map.Entry<String, Object> e : EmbeddedKafkaBroker.saslPlainClientProperties(user, password).entrySet()) {
            conf.append("  \"").append(e.getKey()).append("\" = \"")
                    .append(e.getValue().toString().replace("\"", "\\\"")).append("\"\n");
        }
        return Files.writeString(dir.resolve(name), conf.append("}\n"));
    }
}
