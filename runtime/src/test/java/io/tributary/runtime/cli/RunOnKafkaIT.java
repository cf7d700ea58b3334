package io.tributary.runtime.cli;

import io.tributary.runtime.plugin.TestPlugins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run --transport kafka} in-process: an embedded broker is started for the run, the topic
 * source runs on Kafka Streams, plain {@code api.market} quotes cross as Avro and come back onto the
 * bus as quotes on their lanes.
 */
class RunOnKafkaIT {
    @TempDir
    static Path pluginsDir;

    @BeforeAll
    static void buildPlugins() throws IOException {
        TestPlugins.ticker(pluginsDir.resolve("ticker.jar"));
    }

    @Test
    void theDeskRunsOverAnEmbeddedBrokerWithOutputsOnEverySinkAndLane() {
        TributaryCliTest.Result r = assertTimeoutPreemptively(Duration.ofSeconds(150), () -> TributaryCliTest.exec(
                "run", KafkaDesk.class.getName(), "--transport", "kafka", "--duration", "5s",
                "--plugins", pluginsDir.toString()));
        String out = r.out();
        assertEquals(0, r.code(), r.err() + out);
        assertTrue(out.startsWith("starting an embedded Kafka broker for this run"), out);
        assertTrue(Pattern.compile("running kafka-desk \\(\\d+ stage\\(s\\)\\) on Kafka at localhost:\\d+ "
                + "\\(on Kafka Streams: kafka-in\\) for 5s").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^\\[\\s+\\d+\\.\\ds\\] msg/s C .* \\| kafka sent \\S+/s recv \\S+/s waiting \\d+$")
                .matcher(out).find(), "a progress line with the Kafka part: " + out);
        assertTrue(out.contains("Summary: kafka-desk ran"), out);
        for (String sink : new String[] {"desk\\.in\\.quotes", "desk\\.in\\.raw", "desk\\.out\\.even", "desk\\.out\\.odd"}) {
            assertTrue(TributaryCliTest.count(out, sink + "=(\\d+)") > 0, sink + " had outputs: " + out);
        }
        for (String lane : new String[] {"CRITICAL", "LOW"}) {
            assertTrue(TributaryCliTest.count(out, "(?m)^  " + lane + "\\s+(\\d+)") > 0, lane + " lane delivered: " + out);
        }
        assertTrue(TributaryCliTest.count(out, "kafka\\.bridged=(\\d+)") > 0, out);
        assertTrue(TributaryCliTest.count(out, "kafka\\.not-sent=(\\d+)") > 0, "the raw strings have no Avro form: " + out);
        // the in-process plan left the Kafka source out: every even/odd output came through Kafka
        assertTrue(TributaryCliTest.count(out, "desk\\.out\\.even=(\\d+)") + TributaryCliTest.count(out, "desk\\.out\\.odd=(\\d+)")
                <= TributaryCliTest.count(out, "kafka\\.bridged=(\\d+)"), out);
    }

    /** As in-process: the records a function throws on are counted and dead-lettered, the run goes on. */
    @Test
    void aFunctionThatThrowsOnKafkaCostsItsRecordsNotTheRun() {
        TributaryCliTest.Result r = assertTimeoutPreemptively(Duration.ofSeconds(150), () -> TributaryCliTest.exec(
                "run", FailingKafkaDesk.class.getName(), "--transport", "kafka", "--duration", "5s",
                "--plugins", pluginsDir.toString()));
        String out = r.out();
        assertEquals(0, r.code(), r.err() + out);
        long failed = TributaryCliTest.count(out, "kafka\\.processing-failed=(\\d+)");
        long priced = TributaryCliTest.count(out, "desk\\.out\\.priced=(\\d+)");
        assertTrue(failed > 0, "every seventh quote failed: " + out);
        assertTrue(priced > failed, "the others came through: " + out);
    }

    /** Told to stop on the first failure, Kafka Streams stops; so does the run, saying why, with exit code 1. */
    @Test
    void aKafkaSideThatStopsStopsTheRun() throws IOException {
        Path failFast = Files.writeString(pluginsDir.resolveSibling("fail-fast.conf"),
                "tributary.transport.kafka.client { \"processing.exception.handler\" ="
                        + " \"org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler\" }");
        TributaryCliTest.Result r = assertTimeoutPreemptively(Duration.ofSeconds(150), () -> TributaryCliTest.exec(
                "run", FailingKafkaDesk.class.getName(), "--transport", "kafka", "--duration", "120s",
                "--config", failFast.toString(), "--plugins", pluginsDir.toString()));
        assertEquals(1, r.code(), r.err() + r.out());
        assertTrue(Pattern.compile("run stopped: Kafka at localhost:\\d+ \\(on Kafka Streams: kafka-in\\) failed: .*"
                + FailingKafkaDesk.FAILURE + "\\d+").matcher(r.err()).find(), r.err());
        assertTrue(r.out().contains("Summary: failing-kafka-desk ran"), "the summary still comes: " + r.out());
        long ran = TributaryCliTest.count(r.out(), "ran (\\d+)\\.\\ds");
        assertTrue(ran >= 0 && ran < 120, "stopped before its duration: " + r.out());
    }

    /** Nothing listens there: the run fails within the configured time, naming the address, not after Kafka's minute. */
    @Test
    void aBootstrapAddressWhereNoBrokerAnswersFailsSoonSayingSo() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path quick = Files.writeString(pluginsDir.resolveSibling("quick.conf"),
                "tributary.transport.kafka.client { \"default.api.timeout.ms\" = 3000, \"request.timeout.ms\" = 3000 }");
        long t0 = System.nanoTime();
        TributaryCliTest.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> TributaryCliTest.exec(
                "run", KafkaDesk.class.getName(), "--transport", "kafka", "--bootstrap", "localhost:" + closedPort,
                "--config", quick.toString(), "--duration", "60s", "--plugins", pluginsDir.toString()));
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertEquals(1, r.code(), r.err() + r.out());
        assertTrue(r.err().startsWith("no broker of Kafka at localhost:" + closedPort + " answered within 3 s"
                + " (security.protocol PLAINTEXT)"), r.err());
        assertTrue(r.err().contains("leave both unset to start an embedded broker for the run"), r.err());
        assertTrue(seconds < 30, "gave up after the configured 3 s, not Kafka's 60: " + seconds + " s");
    }

    @Test
    void bootstrapNeedsKafka() throws IOException {
        TributaryCliTest.Result bootstrap = TributaryCliTest.exec("run", "echo-desk", "--bootstrap", "k:9092",
                "--duration", "1s", "--plugins", pluginsDir.toString());
        assertEquals(1, bootstrap.code());
        assertTrue(bootstrap.err().contains("--bootstrap k:9092 needs --transport kafka"), bootstrap.err());

        TributaryCliTest.Result unknown = TributaryCliTest.exec("run", "echo-desk", "--transport", "pigeon");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown transport 'pigeon': expected inmemory, kafka or redis"), unknown.err());

        Path bad = Files.writeString(pluginsDir.resolveSibling("bad-kafka.conf"),
                "tributary.transport.kafka { profile = fast, client { \"sasl.mechanisms\" = [a, b] } }");
        TributaryCliTest.Result invalid = TributaryCliTest.exec("run", "echo-desk", "--transport", "kafka",
                "--config", bad.toString(), "--plugins", pluginsDir.toString());
        assertEquals(1, invalid.code());
        assertTrue(invalid.err().contains("tributary.transport.kafka.profile: expected one of low_latency, throughput"),
                invalid.err());
        assertTrue(invalid.err().contains("tributary.transport.kafka.client.\"sasl.mechanisms\": expected a string"),
                invalid.err());
    }
}
