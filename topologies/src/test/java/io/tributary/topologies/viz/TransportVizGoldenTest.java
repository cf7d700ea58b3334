package io.tributary.topologies.viz;

import io.tributary.topologies.CommandLineAccess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code viz --transport kafka|redis default-desk}: the topics that cross processes carry their
 * lane topics or streams, each sub-topology says how it runs; pinned by golden/viz-&lt;transport&gt;-default-desk.txt.
 */
class TransportVizGoldenTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kafka", "redis"})
    void defaultDeskAcrossATransport(String transport) throws IOException {
        CommandLineAccess.Result r = CommandLineAccess.exec("viz", "--transport", transport, "default-desk");
        assertEquals(0, r.code(), r.err() + r.out());
        // orders.new.* is read from the transport in both; the quote and UI topics stay on the bus
        assertTrue(r.out().contains("[topic]    orders.new.*  (" + transport + " pattern)  tributary.orders.new.*.{critical,high,normal,low}\n"),
                r.out());
        assertTrue(r.out().contains("[topic]    ui.quotes.binance  (topic)\n"), r.out());
        CommandLineAccess.assertGolden("viz-" + transport + "-default-desk", r.out());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kafka", "redis"})
    void svgShowsThePhysicalNames(String transport) {
        CommandLineAccess.Result r = CommandLineAccess.exec("viz", "--transport", transport, "--format", "svg", "default-desk");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(">tributary.orders.new.*.{critical,high,normal,low}<"), r.out());
        assertFalse(r.out().contains(">tributary.ui.quotes"), "UI topics never leave the process");
    }

    @org.junit.jupiter.api.Test
    void describeTransportRedisListsTheStreamsAndTheConsumerGroup() {
        CommandLineAccess.Result r = CommandLineAccess.exec("describe", "--transport", "redis", "default-desk");
        assertEquals(0, r.code(), r.err());
        String redis = r.out().substring(r.out().indexOf("Redis plan: default-desk"));
        assertTrue(redis.startsWith("Redis plan: default-desk (consumer group tributary, stream mode lane,"), redis);
        assertTrue(redis.contains("    orders.new.* -> tributary.orders.new.*.{critical,high,normal,low}\n"), redis);
        assertTrue(redis.contains("    2: in-process, fed by Redis consumer group tributary\n"), redis);
        assertTrue(redis.contains("    0: in-process\n"), redis);
    }
}
