package io.tributary.runtime.testing;

import io.tributary.api.Message;
import io.tributary.api.Priority;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Policy;
import io.tributary.api.dsl.Rate;
import io.tributary.api.dsl.Route;
import io.tributary.api.dsl.Sinks;
import io.tributary.api.dsl.Split;
import io.tributary.api.dsl.Stream;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.dsl.Venue;
import io.tributary.runtime.compile.TopologyValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopologyTestDriverTest {

    @Test
    void statelessChainTransformsKeysAndValues() {
        List<String> peeked = new ArrayList<>();
        TopologyBuilder t = new TopologyBuilder("chain");
        t.<String>stream("in.*")
                .filter(s -> !s.isBlank())
                .flatMap(s -> List.of(s.split(",")))
                .map(String::trim)
                .peek(peeked::add)
                .keyBy(s -> s.charAt(0))
                .to("out");
        try (TopologyTestDriver driver = new TopologyTestDriver(t.build())) {
            driver.input("in.a").pipe("x1, y2").pipe(" ").pipe("z3");
            driver.input("elsewhere").pipe("ignored");
            List<Message<String>> out = driver.<String>output("out").readRecords();
            assertEquals(List.of("x1", "y2", "z3"), out.stream().map(Message::payload).toList());
            assertEquals(List.of('x', 'y', 'z'), out.stream().map(Message::key).toList());
            assertEquals(Priority.NORMAL, out.get(0).priority());
            assertEquals(List.of("x1", "y2", "z3"), peeked);
            assertTrue(driver.output("out").isEmpty(), "reading consumes");
            assertThrows(NoSuchElementException.class, () -> driver.output("out").readValue());
        }
    }

    @Test
    void sourceKeysPassThroughUntilKeyBy() {
        TopologyBuilder t = new TopologyBuilder("keys");
        t.<Integer>stream("in").map(i -> i * 2).to("out");
        try (TopologyTestDriver driver = new TopologyTestDriver(t.build())) {
            driver.<Integer>input("in").pipe("k", 21);
            Message<Integer> record = driver.<Integer>output("out").readRecord();
            assertEquals("k", record.key());
            assertEquals(42, record.payload());
            assertEquals(driver.nowNanos(), record.publishTimeNanos());
        }
    }

    @Test
    void splitSendsEachValueToTheFirstMatchingBranch() {
        TopologyBuilder t = new TopologyBuilder("split");
        Split<Integer> split = t.<Integer>stream("in").split(Named.as("size"))
                .branch("small", i -> i < 10)
                .branch("even", i -> i % 2 == 0);
        split.branch("small").to("small");
        split.branch("even").to("even");
        try (TopologyTestDriver driver = new TopologyTestDriver(t.build())) {
            driver.<Integer>input("in").pipeAll(List.of(1, 12, 13, 4, 20));
            assertEquals(List.of(1, 4), driver.output("small").readAll());
            assertEquals(List.of(12, 20), driver.output("even").readAll(), "13 matches no branch and is dropped");
        }
    }

    @Test
    void defaultBranchTakesTheRest() {
        TopologyBuilder t = new TopologyBuilder("split");
        Split<Integer> split = t.<Integer>stream("in").split().branch("odd", i -> i % 2 == 1).defaultBranch("rest");
        split.branches().forEach((name, stream) -> stream.to("out." + name));
        try (TopologyTestDriver driver = new TopologyTestDriver(t.build())) {
            driver.<Integer>input("in").pipeAll(List.of(1, 2, 3, 4));
            assertEquals(List.of(1, 3), driver.output("out.odd").readAll());
            assertEquals(List.of(2, 4), driver.output("out.rest").readAll());
        }
    }

    @Test
    void mergeInterleavesInArrivalOrderAndLanesSetThePriority() {
        TopologyBuilder t = new TopologyBuilder("merge");
        Stream<String> a = t.stream("a");
        Stream<String> b = t.stream("b");
        a.merge(b).lane(Priority.CRITICAL).to("out");
        try (TopologyTestDriver driver = new TopologyTestDriver(t.build())) {
            driver.input("a").pipe("a1");
            driver.input("b").pipe("b1");
            driver.input("a").pipe("a2");
            List<Message<String>> out = driver.<String>output("out").readRecords();
            assertEquals(List.of("a1", "b1", "a2"), out.stream().map(Message::payload).toList());
            assertTrue(out.stream().allMatch(m -> m.priority() == Priority.CRITICAL));
        }
    }

    @Test
    void routerChoosesDestinationAndLaneOrDrops() {
        Route big = Route.to("orders.big", Priority.CRITICAL);
        Route lowLane = Route.lane(Priority.LOW);
        TopologyBuilder t = new TopologyBuilder("route");
        t.<Integer>stream("orders").route(q -> q < 0 ? null : q >= 100 ? big : lowLane, Named.as("by-size")).to("orders.small");
        try (TopologyTestDriver driver = new TopologyTestDriver(t.build())) {
            driver.<Integer>input("orders").pipeAll(List.of(5, 500, -1, 7));
            List<Message<Integer>> small = driver.<Integer>output("orders.small").readRecords();
            assertEquals(List.of(5, 7), small.stream().map(Message::payload).toList());
            assertTrue(small.stream().allMatch(m -> m.priority() == Priority.LOW));
            Message<Integer> bigOrder = driver.<Integer>output("orders.big").readRecord();
            assertEquals(500, bigOrder.payload());
            assertEquals(Priority.CRITICAL, bigOrder.priority());
            assertEquals(1L, driver.counters().get("by-size.route-dropped"));
        }
    }

    @Test
    void laneAfterRouteFixesTheLaneAgain() {
        TopologyBuilder t = new TopologyBuilder("route");
        t.<Integer>stream("in").route(q -> Route.lane(Priority.LOW)).lane(Priority.HIGH).to("out");
        try (TopologyTestDriver driver = new TopologyTestDriver(t.build())) {
            driver.<Integer>input("in").pipe(1);
            assertEquals(Priority.HIGH, driver.output("out").readRecord().priority());
        }
    }

    @Test
    void policyPluginsRunTheRouterTheTestRegisters() {
        TopologyBuilder t = new TopologyBuilder("policy");
        t.<String>stream("in").route(Policy.ref("by-venue")).to("unrouted");
        io.tributary.api.dsl.Topology topology = t.build();
        TopologyValidationException missing = assertThrows(TopologyValidationException.class,
                () -> new TopologyTestDriver(topology));
        assertTrue(missing.getMessage().contains("policy 'by-venue'"), missing.getMessage());
        try (TopologyTestDriver driver = TopologyTestDriver.builder(topology)
                .policy("by-venue", (String s) -> Route.to("venue." + s)).build()) {
            driver.input("in").pipe("BINANCE");
            assertEquals(List.of("BINANCE"), driver.output("venue.BINANCE").readAll());
            assertTrue(driver.output("unrouted").isEmpty());
        }
    }

    @Test
    void sinkAndVenuePluginsAreCaptured() {
        TopologyBuilder t = new TopologyBuilder("plugins");
        Stream<String> in = t.stream("in");
        in.lane(Priority.CRITICAL).to(Venue.ref("paper"));
        in.to(Sinks.ref("file", java.util.Map.of("path", "/tmp/x")));
        try (TopologyTestDriver driver = new TopologyTestDriver(t.build())) {
            driver.input("in").pipe("k", "order-1");
            Message<String> order = driver.<String>sink("paper").readRecord();
            assertEquals("order-1", order.payload());
            assertEquals("k", order.key());
            assertEquals(Priority.CRITICAL, order.priority());
            assertEquals(List.of("order-1"), driver.sink("file").readAll());
        }
    }

    @Test
    void conflationReleasesTheLatestPerKeyAsTimeAdvances() {
        TopologyBuilder t = new TopologyBuilder("conflate");
        t.<String>stream("quotes").conflate(q -> q.substring(0, 3), Duration.ofMillis(100), Named.as("latest"))
                .to("ui");
        try (TopologyTestDriver driver = new TopologyTestDriver(t.build())) {
            driver.<String>input("quotes").pipeAll(List.of("BTC-1", "ETH-1", "BTC-2", "BTC-3"));
            assertTrue(driver.output("ui").isEmpty(), "nothing before time advances");
            driver.advanceTime(Duration.ofMillis(100));
            List<Message<String>> out = driver.<String>output("ui").readRecords();
            assertEquals(List.of("BTC-3", "ETH-1"), out.stream().map(Message::payload).sorted().toList());
            assertEquals(List.of("BTC", "ETH"), out.stream().map(m -> (String) m.key()).sorted().toList());
            assertEquals(2L, driver.counters().get("latest.conflated"));

            driver.advanceTime(Duration.ofMillis(100));
            assertTrue(driver.output("ui").isEmpty(), "unchanged keys are not repeated");
            driver.input("quotes").pipe("ETH-2");
            driver.advanceTime(Duration.ofMillis(50));
            assertTrue(driver.output("ui").isEmpty(), "within the interval");
            driver.advanceTime(Duration.ofMillis(50));
            assertEquals(List.of("ETH-2"), driver.output("ui").readAll());
        }
    }

    @Test
    void throttleLetsTheRateThroughPerKey() {
        TopologyBuilder t = new TopologyBuilder("throttle");
        t.<String>stream("in").throttle(s -> s.charAt(0), Rate.perSecond(2), Named.as("limit")).to("out");
        try (TopologyTestDriver driver = new TopologyTestDriver(t.build())) {
            driver.<String>input("in").pipeAll(List.of("a1", "a2", "b1", "a3"));
            assertEquals(List.of("a1", "b1"), driver.output("out").readAll());
            driver.advanceTime(Duration.ofMillis(500));
            driver.<String>input("in").pipeAll(List.of("a4", "a5"));
            assertEquals(List.of("a4"), driver.output("out").readAll());
            assertEquals(3L, driver.counters().get("limit.throttled"));
        }
    }

    @Test
    void throttlePerStreamWithBurst() {
        TopologyBuilder t = new TopologyBuilder("throttle");
        t.<Integer>stream("in").throttle(Rate.perSecond(10).withBurst(3)).to("out");
        try (TopologyTestDriver driver = new TopologyTestDriver(t.build())) {
            driver.<Integer>input("in").pipeAll(List.of(1, 2, 3, 4, 5));
            assertEquals(List.of(1, 2, 3), driver.output("out").readAll());
            driver.advanceTime(Duration.ofMillis(100));
            driver.<Integer>input("in").pipeAll(List.of(6, 7));
            assertEquals(List.of(6), driver.output("out").readAll());
        }
    }

    @Test
    void userFunctionFailuresReachTheTest() {
        TopologyBuilder t = new TopologyBuilder("fail");
        t.<String>stream("in").map(s -> {
            throw new IllegalArgumentException("bad value " + s);
        }).to("out");
        try (TopologyTestDriver driver = new TopologyTestDriver(t.build())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> driver.input("in").pipe("x"));
            assertEquals("bad value x", e.getMessage());
        }
    }

    @Test
    void closedDriverRefusesInput() {
        TopologyBuilder t = new TopologyBuilder("closed");
        t.stream("in").to("out");
        TopologyTestDriver driver = new TopologyTestDriver(t.build());
        driver.close();
        driver.close();
        assertThrows(IllegalStateException.class, () -> driver.input("in"));
    }

    @Test
    void invalidTopologyFailsAtConstruction() {
        TopologyBuilder t = new TopologyBuilder("bad");
        t.stream("in").filter(x -> true);
        TopologyValidationException e = assertThrows(TopologyValidationException.class, () -> new TopologyTestDriver(t.build()));
        assertTrue(e.getMessage().contains("dangling stream"), e.getMessage());
    }

    @Test
    void timeOnlyMovesForward() {
        TopologyBuilder t = new TopologyBuilder("time");
        t.stream("in").to("out");
        try (TopologyTestDriver driver = new TopologyTestDriver(t.build())) {
            assertEquals(TopologyTestDriver.DEFAULT_START, driver.now());
            driver.advanceTime(Duration.ofSeconds(3));
            assertEquals(TopologyTestDriver.DEFAULT_START.plusSeconds(3), driver.now());
            assertThrows(IllegalArgumentException.class, () -> driver.advanceTime(Duration.ofSeconds(-1)));
        }
    }

}
