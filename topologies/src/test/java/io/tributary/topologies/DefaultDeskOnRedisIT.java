package io.tributary.topologies;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Pattern;

import static io.tributary.topologies.CommandLineTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tributary run --transport redis} with no topology and no address: the default desk with a
 * redis-server started for the run; the toy strategy's orders cross Redis Streams (as Avro
 * {@code SubmitOrder}s) before the risk check sees them.
 */
class DefaultDeskOnRedisIT {

    @Test
    void theDefaultDeskRunsItsOrderFlowThroughRedis() {
        CommandLineTest.Result r = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> CommandLineTest.exec("run", "--transport", "redis", "--duration", "4s"));
        String out = r.out();
        assertEquals(0, r.code(), r.err() + out);
        assertTrue(out.startsWith("starting a local redis-server for this run ("), out);
        assertTrue(Pattern.compile("running default-desk \\(4 stage\\(s\\)\\) on Redis at redis://127\\.0\\.0\\.1:\\d+ "
                + "\\(streams for: orders\\) for 4s").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^\\[\\s+\\d+\\.\\ds\\] msg/s .* \\| redis sent \\S+/s recv \\S+/s buffered \\d+$")
                .matcher(out).find(), "a progress line with Redis rates: " + out);
        long received = count(out, "redis\\.received=(\\d+)");
        assertTrue(count(out, "redis\\.bridged=(\\d+)") > 0 && received > 0, out);
        assertEquals(0, count(out, "redis\\.not-sent=(\\d+)"), "every order has an Avro form: " + out);
        assertEquals(0, count(out, "redis\\.dead-letters=(\\d+)"), out);
        assertTrue(count(out, "strategy\\.quotes=(\\d+)") > 1_000, out);
        long approved = count(out, "orders\\.approved=(\\d+)");
        long rejected = count(out, "orders\\.rejected=(\\d+)");
        assertTrue(approved > 0, out);
        // the risk check saw only the orders that came back from Redis
        assertTrue(approved + Math.max(0, rejected) <= received, out);
    }
}
