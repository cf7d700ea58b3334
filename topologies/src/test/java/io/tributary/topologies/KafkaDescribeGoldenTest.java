package io.tributary.topologies;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code describe --transport kafka order-risk}: the lane topics the Kafka plan reads and writes, its
 * internal topics and Kafka Streams' sub-topologies, compared with golden/kafka-order-risk.txt.
 */
class KafkaDescribeGoldenTest {

    @Test
    void orderRiskOnKafka() throws IOException {
        CommandLineTest.Result r = CommandLineTest.exec("describe", "--transport", "kafka", "order-risk");
        assertEquals(0, r.code(), r.err() + r.out());
        String kafka = r.out().substring(r.out().indexOf("On Kafka Streams with run --transport kafka"));
        assertTrue(kafka.contains("tributary.orders.approved.critical"), kafka);
        Golden.assertMatches("kafka-order-risk", kafka);
    }
}
