package io.tributary.topologies;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Pattern;

import static io.tributary.topologies.CommandLineTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tributary run} with no topology: the default desk on the real bus, its market data from the
 * packaged {@code venue-sim} plugin in plugins-dist (found through {@code tributary.plugins.dir},
 * which the build sets, as the launcher finds it by walking up from the working directory).
 */
class DefaultDeskRunIT {

    @Test
    void theDefaultDeskRunsOnTheVenueSimPlugin() {
        CommandLineTest.Result r = assertTimeoutPreemptively(Duration.ofSeconds(90),
                () -> CommandLineTest.exec("run", "--duration", "2s"));
        String out = r.out();
        assertEquals(0, r.code(), r.err() + out);
        assertEquals("", r.err(), "no plugin failed to load");
        assertTrue(out.startsWith("running default-desk (4 stage(s)) for 2s; plugins "), out);
        assertTrue(out.contains(": venue:sim{prices=[42000, 2500, 150], symbols=[BTCUSDT, ETHUSDT, SOLUSDT],"
                + " venues=[BINANCE, COINBASE, KRAKEN]}; Ctrl-C stops"), "one venue-sim adapter for quotes and trades: " + out);
        assertTrue(Pattern.compile("(?m)^\\[\\s+\\d+\\.\\ds\\] msg/s C \\S+ H \\S+ N \\S+ L \\S+ \\| p99 wait C ")
                .matcher(out).find(), "a progress line: " + out);
        for (String lane : new String[] {"CRITICAL", "HIGH", "NORMAL", "LOW"}) {
            assertTrue(count(out, "(?m)^  " + lane + "\\s+(\\d+)") > 0, lane + " lane delivered messages: " + out);
        }
        // venue-sim's quotes reached the strategies, its trades made bars, the toy strategy's orders passed risk
        assertTrue(count(out, "strategy\\.quotes=(\\d+)") > 1_000, out);
        assertTrue(count(out, "bars\\.1s=(\\d+)") > 0, out);
        assertTrue(count(out, "orders\\.approved=(\\d+)") > 0, out);
        assertTrue(count(out, "orders\\.rejected=(\\d+)") > 0, out);
        assertTrue(!out.contains("plugin failures:"), out);
    }
}
