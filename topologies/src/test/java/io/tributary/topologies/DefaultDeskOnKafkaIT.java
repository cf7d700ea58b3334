package io.tributary.topologies;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Pattern;

import static io.tributary.topologies.CommandLineTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tributary run --transport kafka} with no topology and no address: the default desk with an
 * embedded broker for the run; its risk check runs as a Kafka Streams application, and both its
 * outcomes, approved orders and rejections, come back onto the bus through their lane topics as Avro.
 */
class DefaultDeskOnKafkaIT {

    @Test
    void theRiskCheckRunsOnKafkaStreamsAndBothOutcomesComeBack() {
        CommandLineTest.Result r = assertTimeoutPreemptively(Duration.ofSeconds(150),
                () -> CommandLineTest.exec("run", "--transport", "kafka", "--duration", "5s"));
        String out = r.out();
        assertEquals(0, r.code(), r.err() + out);
        assertTrue(out.startsWith("starting an embedded Kafka broker for this run"), out);
        assertTrue(Pattern.compile("running default-desk \\(4 stage\\(s\\)\\) on Kafka at localhost:\\d+ "
                + "\\(on Kafka Streams: orders\\) for 5s").matcher(out).find(), out);
        long bridged = count(out, "kafka\\.bridged=(\\d+)");
        assertTrue(bridged > 0, out);
        assertEquals(0, count(out, "kafka\\.not-sent=(\\d+)"), "every order has an Avro form: " + out);
        assertEquals(0, count(out, "kafka\\.approved\\.not-sent=(\\d+)"), out);
        assertEquals(0, count(out, "kafka\\.rejected\\.not-sent=(\\d+)"), "every rejection has an Avro form: " + out);
        long approved = count(out, "orders\\.approved=(\\d+)");
        long rejected = count(out, "orders\\.rejected=(\\d+)");
        assertTrue(approved > 0, "approved orders came back from Kafka: " + out);
        assertTrue(rejected > 0, "rejections came back from Kafka: " + out);
        // each bridged order gives at most one outcome (those still in flight at the stop give none)
        assertTrue(approved + rejected <= bridged, out);
    }
}
