package io.tributary.runtime.testing;

import io.tributary.api.Message;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.TimeWindows;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.dsl.Windowed;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowAggregationTest {
    private static final long SECOND = 1_000_000_000L;

    record Tick(String symbol, long price, long timeNanos) {
    }

    private static TopologyBuilder sums(TimeWindows windows, boolean eventTime, String lateTopic) {
        TopologyBuilder t = new TopologyBuilder("sums");
        var windowed = t.<Tick>stream("ticks.*").keyBy(Tick::symbol).windowedBy(windows);
        if (eventTime) {
            windowed = windowed.eventTime(Tick::timeNanos);
        }
        if (lateTopic != null) {
            windowed = windowed.lateTo(lateTopic);
        }
        windowed.aggregate(() -> 0L, (Long sum, Tick tick) -> sum + tick.price(), Named.as("sum")).to("sums");
        return t;
    }

    @Test
    void tumblingWindowEmitsOncePerKeyWhenTimePassesItsEnd() {
        try (TopologyTestDriver driver = new TopologyTestDriver(sums(TimeWindows.tumbling(Duration.ofSeconds(1)), false, null).build())) {
            long start = driver.nowNanos();
            driver.input("ticks.a").pipe(new Tick("BTC", 10, 0));
            driver.advanceTime(Duration.ofMillis(300));
            driver.input("ticks.b").pipe(new Tick("BTC", 5, 0));
            driver.input("ticks.b").pipe(new Tick("ETH", 7, 0));
            driver.advanceTime(Duration.ofMillis(600));
            assertTrue(driver.output("sums").isEmpty(), "window still open at 900ms");

            driver.advanceTime(Duration.ofMillis(100));
            List<Message<Windowed<Long>>> out = driver.<Windowed<Long>>output("sums").readRecords();
            assertEquals(2, out.size());
            Windowed<Long> btc = out.stream().map(Message::payload).filter(w -> w.key().equals("BTC")).findFirst().orElseThrow();
            assertEquals(new Windowed<>("BTC", start, start + SECOND, 15L), btc);
            assertEquals("BTC", out.stream().filter(m -> m.payload() == btc).findFirst().orElseThrow().key(),
                    "results are published with the window key");
            driver.advanceTime(Duration.ofSeconds(5));
            assertTrue(driver.output("sums").isEmpty(), "each window emits once");
        }
    }

    @Test
    void aNewEventClosesOlderWindowsOfItsKeyWithoutWaitingForTheTimer() {
        try (TopologyTestDriver driver = new TopologyTestDriver(sums(TimeWindows.tumbling(Duration.ofSeconds(1)), true, null).build())) {
            long t0 = driver.nowNanos();
            driver.input("ticks.a").pipe(new Tick("BTC", 1, t0));
            driver.input("ticks.a").pipe(new Tick("BTC", 2, t0 + 2 * SECOND)); // event time jumps ahead
            assertEquals(List.of(new Windowed<>("BTC", t0, t0 + SECOND, 1L)), driver.output("sums").readAll());
        }
    }

    @Test
    void graceKeepsAWindowOpenForLateEventsThenLateOnesAreCountedAndDropped() {
        TimeWindows windows = TimeWindows.tumbling(Duration.ofSeconds(1)).grace(Duration.ofMillis(500));
        try (TopologyTestDriver driver = new TopologyTestDriver(sums(windows, true, null).build())) {
            long t0 = driver.nowNanos();
            driver.input("ticks.a").pipe(new Tick("BTC", 1, t0 + 100));
            driver.advanceTime(Duration.ofMillis(1200));
            driver.input("ticks.a").pipe(new Tick("BTC", 2, t0 + 900)); // 300ms after the end: within grace
            assertTrue(driver.output("sums").isEmpty());
            driver.advanceTime(Duration.ofMillis(300));
            assertEquals(List.of(new Windowed<>("BTC", t0, t0 + SECOND, 3L)), driver.output("sums").readAll());

            driver.input("ticks.a").pipe(new Tick("BTC", 4, t0 + 950)); // window closed
            assertEquals(1L, driver.counters().get("sum.late"));
            driver.advanceTime(Duration.ofSeconds(3));
            assertTrue(driver.output("sums").isEmpty(), "a late event does not reopen its window");
        }
    }

    @Test
    void lateEventsGoToTheLateTopicWhenOneIsSet() {
        try (TopologyTestDriver driver = new TopologyTestDriver(
                sums(TimeWindows.tumbling(Duration.ofSeconds(1)), true, "ticks-late").build())) {
            long t0 = driver.nowNanos();
            driver.input("ticks.a").pipe(new Tick("BTC", 1, t0));
            driver.advanceTime(Duration.ofSeconds(2));
            Tick late = new Tick("BTC", 9, t0 + 10);
            driver.input("ticks.a").pipe(late);
            Message<Tick> record = driver.<Tick>output("ticks-late").readRecord();
            assertEquals(late, record.payload());
            assertEquals("BTC", record.key());
            assertEquals(1L, driver.counters().get("sum.late"));
        }
    }

    @Test
    void slidingWindowsCountEachEventInEveryWindowThatContainsIt() {
        TopologyBuilder t = new TopologyBuilder("sliding");
        t.<Tick>stream("ticks").windowedBy(Tick::symbol, TimeWindows.sliding(Duration.ofSeconds(3), Duration.ofSeconds(1)))
                .eventTime(Tick::timeNanos).count().to("counts");
        try (TopologyTestDriver driver = new TopologyTestDriver(t.build())) {
            long t0 = driver.nowNanos();
            driver.input("ticks").pipe(new Tick("X", 0, t0 + SECOND / 2));      // in [t0-2s,+3s) [t0-1s,..) [t0,..)
            driver.input("ticks").pipe(new Tick("X", 0, t0 + SECOND + 1));      // in [t0-1s..) [t0..) [t0+1s..)
            driver.advanceTime(Duration.ofSeconds(10));
            List<Windowed<Long>> out = driver.<Windowed<Long>>output("counts").readAll();
            assertEquals(List.of(
                    new Windowed<>("X", t0 - 2 * SECOND, t0 + SECOND, 1L),
                    new Windowed<>("X", t0 - SECOND, t0 + 2 * SECOND, 2L),
                    new Windowed<>("X", t0, t0 + 3 * SECOND, 2L),
                    new Windowed<>("X", t0 + SECOND, t0 + 4 * SECOND, 1L)), out);
        }
    }

    @Test
    void replayedEventTimesDriveStreamTimeAndIdleTimeKeepsItMoving() {
        TopologyBuilder t = sums(TimeWindows.tumbling(Duration.ofSeconds(1)), true, null);
        try (TopologyTestDriver driver = new TopologyTestDriver(t.build())) {
            long replayStart = driver.nowNanos() - 86_400 * SECOND; // a day ago
            driver.input("ticks.a").pipe(new Tick("BTC", 3, replayStart));
            assertEquals(0L, driver.counters().get("sum.late"), "old event times are not late by themselves");
            driver.advanceTime(Duration.ofMillis(999));
            assertTrue(driver.output("sums").isEmpty());
            driver.advanceTime(Duration.ofMillis(1));
            assertEquals(List.of(new Windowed<>("BTC", replayStart, replayStart + SECOND, 3L)),
                    driver.output("sums").readAll());
        }
    }
}
