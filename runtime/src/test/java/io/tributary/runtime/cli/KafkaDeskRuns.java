package io.tributary.runtime.cli;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run KafkaDesk --transport kafka --bootstrap … --config …} as the secured-cluster tests run it. */
final class KafkaDeskRuns {
    private KafkaDeskRuns() {
    }

    static TributaryCliTest.Result run(String bootstrap, Path config, Path plugins, String duration) {
        return assertTimeoutPreemptively(Duration.ofSeconds(150), () -> TributaryCliTest.exec(
                "run", KafkaDesk.class.getName(), "--transport", "kafka", "--bootstrap", bootstrap,
                "--config", config.toString(), "--duration", duration, "--plugins", plugins.toString()));
    }

    /** The run ended well, sent bus messages to Kafka and got the Kafka side's outputs back. */
    static void assertRanThroughKafka(TributaryCliTest.Result r, String bootstrap) {
        String out = r.out();
        assertEquals(0, r.code(), r.err() + out);
        assertTrue(out.contains("on Kafka at " + bootstrap), out);
        assertTrue(TributaryCliTest.count(out, "kafka\\.bridged=(\\d+)") > 0, out);
        assertTrue(TributaryCliTest.count(out, "desk\\.out\\.even=(\\d+)") > 0, "came back through Kafka: " + out);
    }
}
