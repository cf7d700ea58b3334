package io.tributary.plugins.replay;

import io.tributary.api.Message;
import io.tributary.api.TopicPattern;
import io.tributary.api.market.AggressorSide;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.Quote;
import io.tributary.api.market.Trade;
import io.tributary.api.spi.ConfigException;
import io.tributary.plugins.testkit.ManualClock;
import io.tributary.plugins.testkit.SyncBus;
import io.tributary.plugins.testkit.TestPluginContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayVenueTest {

    static final InstrumentId BTC = InstrumentId.of("BINANCE", "BTCUSDT");

    @TempDir
    Path dir;

    final SyncBus bus = new SyncBus();
    final ReplayVenueFactory factory = new ReplayVenueFactory();

    ReplayVenueAdapter create(Map<String, ?> config) {
        return (ReplayVenueAdapter) factory.create(factory.configSpec().validate("venue 'replay'", config),
                new TestPluginContext(bus, new ManualClock(9), "venue 'replay'"));
    }

    ReplayVenueAdapter replay(Map<String, ?> config, String pattern) throws Exception {
        ReplayVenueAdapter replay = create(config);
        replay.connect();
        replay.subscribe(TopicPattern.parse(pattern));
        assertTrue(replay.awaitFinished(Duration.ofSeconds(30)));
        return replay;
    }

    @Test
    void replaysQuotesAndTradesExactlyAndReportsBadRowsWithLineNumbers() throws Exception {
        Path csv = Files.writeString(dir.resolve("day.csv"), String.join("\n",
                "# recorded 2024-01-02",                                                  // 1
                "type,ts_event,venue,symbol,f1,f2,f3,f4",                                 // 2
                "Q,1704153600000000000,BINANCE,BTCUSDT,42000.5,42000.75,1.25,0.5",        // 3
                "T,1704153600000100000,BINANCE,BTCUSDT,42000.75,0.01,B,t-1",              // 4
                "Q,1704153600000200000,BINANCE,BTCUSDT,42000.5,abc,1,1",                  // 5 bad number
                "",                                                                       // 6
                "Q,1704153600000300000,BINANCE,BTCUSDT,1,2,3",                            // 7 too few fields
                "X,1704153600000400000,BINANCE,BTCUSDT,1,2,3,4",                          // 8 unknown type
                "T,yesterday,BINANCE,BTCUSDT,1,1,S",                                      // 9 bad timestamp
                "T,2024-01-02T00:00:01Z,BINANCE,BTCUSDT,42001,2,S",                       // 10 ISO time, no id
                "Q,1704153601000000000,BIN.ANCE,BTCUSDT,1,2,3,4",                         // 11 dotted venue
                "T,1704153601000000000,BINANCE,BTCUSDT,1,1,maybe,x",                      // 12 bad aggressor
                "Q,1704153602000000000,BINANCE,BTCUSDT,42002,42002.5,3,4"));              // 13
        ReplayVenueAdapter replay = replay(Map.of("files", csv.toString(), "speed", "max"), "data.**");

        List<Object> payloads = bus.published().stream().<Object>map(Message::payload).toList();
        assertEquals(List.of(
                new Quote(BTC, 4200050, 4200075, 125, 50, 2, 2, 1704153600000000000L, 9),
                new Trade(BTC, 4200075, 1, 2, 2, AggressorSide.BUYER, "t-1", 1704153600000100000L, 9),
                new Trade(BTC, 42001, 2, 0, 0, AggressorSide.SELLER, "day.csv:10", 1704153601000000000L, 9),
                new Quote(BTC, 420020, 420025, 3, 4, 1, 0, 1704153602000000000L, 9)), payloads);
        assertEquals("data.quotes.BINANCE.BTCUSDT", bus.published().get(0).topic());
        assertEquals("data.trades.BINANCE.BTCUSDT", bus.published().get(1).topic());

        ReplayReport report = replay.report();
        assertEquals(6, report.badRowCount());
        assertEquals(10, report.rows());
        assertEquals(2, report.quotes());
        assertEquals(2, report.trades());
        assertEquals(List.of(
                csv + ":5: field ask: 'abc' is not a decimal number: unexpected character 'a' at position 0",
                csv + ":7: expected 8 fields for a quote (Q,ts_event,venue,symbol,bid,ask,bid_size,ask_size), got 7",
                csv + ":8: unknown row type 'X' (expected Q or T)",
                csv + ":9: field ts_event: 'yesterday' is neither ns since the epoch nor an ISO-8601 instant",
                csv + ":11: instrument venue 'BIN.ANCE' must not contain '.': it is one topic segment",
                csv + ":12: field aggressor: 'maybe' is not B, S or N"),
                report.badRows().stream().map(Object::toString).toList());
    }

    @Test
    void filesAreReplayedInOrderAndOnlySubscribedTopicsArePublished() throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), "Q,1,X,AAA,1,2,1,1\nT,2,X,AAA,1,1,N,a1\n");
        Path b = Files.writeString(dir.resolve("b.csv"), "T,3,X,BBB,5,1,B,b1\nQ,4,X,BBB,4,6,1,1\n");
        replay(Map.of("files", List.of(a.toString(), b.toString()), "speed", "max"), "data.trades.**");
        assertEquals(List.of("a1", "b1"), bus.payloads("**", Trade.class).stream().map(Trade::tradeId).toList());
        assertEquals(2, bus.published().size());
    }

    @Test
    void scaledPaceWaitsForTheRecordedGaps() throws Exception {
        // one second of recorded time at 10x: at least 100 ms of wall time
        Path csv = Files.writeString(dir.resolve("paced.csv"),
                "Q,1000000000,X,AAA,1,2,1,1\nQ,1500000000,X,AAA,1,2,1,1\nQ,2000000000,X,AAA,1,2,1,1\n");
        long start = System.nanoTime();
        replay(Map.of("files", csv.toString(), "speed", "10x"), "data.**");
        assertTrue(System.nanoTime() - start >= 100_000_000L, "replay must not run ahead of the scaled recorded time");
        assertEquals(3, bus.published().size());
    }

    @Test
    void loopStartsAgainUntilDisconnected() throws Exception {
        Path csv = Files.writeString(dir.resolve("loop.csv"), "Q,1,X,AAA,1,2,1,1\nQ,2,X,AAA,1,2,1,1\n");
        ReplayVenueAdapter replay = create(Map.of("files", csv.toString(), "speed", "max", "loop", true));
        replay.connect();
        replay.subscribe(TopicPattern.parse("data.**"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (replay.report().quotes() < 10 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        replay.disconnect();
        assertTrue(replay.awaitFinished(Duration.ofSeconds(10)));
        assertTrue(replay.report().quotes() >= 10, "looped: " + replay.report());
    }

    @Test
    void configErrorsNameTheKey() {
        ConfigException missing = assertThrows(ConfigException.class, () -> create(Map.of("files", dir.resolve("nope.csv").toString())));
        assertEquals("invalid config for venue 'replay': key 'files': cannot read " + dir.resolve("nope.csv") + ": no such file",
                missing.getMessage());
        ConfigException directory = assertThrows(ConfigException.class, () -> create(Map.of("files", dir.toString())));
        assertTrue(directory.getMessage().contains("key 'files': cannot read " + dir), directory.getMessage());
    }

    @Test
    void speedParsing() {
        assertEquals(0, ReplaySpeed.parse("max").factor());
        assertEquals(1, ReplaySpeed.parse("recorded").factor());
        assertEquals(10, ReplaySpeed.parse("10x").factor());
        assertEquals(0.5, ReplaySpeed.parse("0.5").factor());
        assertThrows(IllegalArgumentException.class, () -> ReplaySpeed.parse("warp"));
        assertThrows(IllegalArgumentException.class, () -> ReplaySpeed.parse("0x"));
        assertThrows(IllegalArgumentException.class, () -> ReplaySpeed.parse("-2"));
    }

    @Test
    void badSpeedIsAConfigError() throws Exception {
        Path csv = Files.writeString(dir.resolve("s.csv"), "Q,1,X,AAA,1,2,1,1\n");
        ConfigException e = assertThrows(ConfigException.class, () -> create(Map.of("files", csv.toString(), "speed", "warp")));
        assertTrue(e.getMessage().contains("key 'speed': expected 'recorded', 'max' or a factor such as '10x', got 'warp'"),
                e.getMessage());
    }
}
