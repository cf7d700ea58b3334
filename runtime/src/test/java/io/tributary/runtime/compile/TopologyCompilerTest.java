package io.tributary.runtime.compile;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Policy;
import io.tributary.api.dsl.Stream;
import io.tributary.api.dsl.TimeWindows;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.dsl.Venue;
import io.tributary.runtime.plan.PhysicalPlan;
import io.tributary.runtime.plan.Stage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopologyCompilerTest {
    private final TopologyCompiler compiler = new TopologyCompiler(PluginCatalog.builder().venue("sim").build());

    @Test
    void cycleThroughATopicNamesEveryNodeOfTheCycle() {
        TopologyBuilder t = new TopologyBuilder("loop");
        t.<String>stream("orders.**", Named.as("orders-in"))
                .filter(o -> true, Named.as("risk-check"))
                .map(String::trim, Named.as("normalise"))
                .to("orders.approved", Named.as("approved"));
        TopologyValidationException e = assertThrows(TopologyValidationException.class, () -> compiler.compile(t.build()));
        assertEquals(1, e.problems().size(), e.getMessage());
        Problem p = e.problems().get(0);
        assertEquals("orders-in", p.node());
        assertTrue(p.message().startsWith(
                "cycle: orders-in -> risk-check -> normalise -> approved -[orders.approved]-> orders-in"), p.message());
    }

    @Test
    void reportsEveryProblemAtOnceEachNamingItsNode() {
        TopologyBuilder t = new TopologyBuilder("broken");
        t.<String>stream("data..quotes", Named.as("bad-pattern")).to("out.a");
        t.<String>stream("data.trades.*").filter(s -> true, Named.as("dangling"));
        t.source(Named.as("feed"), Venue.ref("nope")).<String>subscribe("data.x").to("out.b");
        t.<String>stream("data.y").conflate().to("out.c");
        Stream<String> low = t.<String>stream("data.low").lane(Priority.LOW);
        Stream<String> high = t.<String>stream("data.high").lane(Priority.HIGH);
        low.merge(high, Named.as("mixed")).to("out.d");
        t.<String>stream("data.z").to("bad topic", Named.as("bad-sink"));
        t.<String>stream("data.w").to("out.e", Named.as("twice"));
        t.<String>stream("data.v").map(s -> s, Named.as("twice")).to("out.f");
        t.<String>stream("data.u").lane(Priority.CRITICAL).to("out.a", Named.as("other-lane"));

        TopologyValidationException e = assertThrows(TopologyValidationException.class, () -> compiler.compile(t.build()));
        List<String> nodes = e.problems().stream().map(Problem::node).toList();
        assertEquals(List.of("twice", "bad-pattern", "bad-sink", "feed", "dangling", "CONFLATE-0000000007",
                "mixed", "other-lane"), nodes, e.getMessage());
        assertTrue(e.getMessage().startsWith("topology 'broken' is invalid (8 problems):"), e.getMessage());
        assertTrue(message(e, "bad-pattern").contains("empty segment at position 5"), e.getMessage());
        assertTrue(message(e, "bad-pattern").contains("     ^"), "caret under the position: " + e.getMessage());
        assertTrue(message(e, "bad-sink").contains("U+0020 at position 3"), e.getMessage());
        assertTrue(message(e, "feed").contains("unknown venue 'nope'; known venues: sim"), e.getMessage());
        assertTrue(message(e, "dangling").contains("dangling stream"), e.getMessage());
        assertTrue(message(e, "CONFLATE-0000000007").contains("CONFLATE has no key"), e.getMessage());
        assertTrue(message(e, "mixed").contains("LOW from LANE-0000000010, HIGH from LANE-0000000012"), e.getMessage());
        assertTrue(message(e, "other-lane").contains("topic 'out.a' is published on CRITICAL here and on NORMAL by SINK-0000000001"),
                e.getMessage());
        assertTrue(message(e, "twice").contains("used by 2 nodes"), e.getMessage());
        assertEquals(e.problems(), compiler.validate(t.build()), "validate() reports the same list");
    }

    @Test
    void unknownPluginWithNothingLoadedSaysSo() {
        TopologyBuilder t = new TopologyBuilder("p");
        t.<String>stream("a").route(Policy.ref("arbitrage"), Named.as("arb")).to("b");
        List<Problem> problems = new TopologyCompiler(PluginCatalog.empty()).validate(t.build());
        assertEquals(List.of(new Problem("arb", "unknown policy 'arbitrage'; no policy plugins are loaded")), problems);
    }

    @Test
    void venueWithoutExecutionSideCannotTakeOrders() {
        TopologyBuilder t = new TopologyBuilder("p");
        t.<String>stream("a").to(Venue.ref("sim"), Named.as("orders"));
        List<Problem> problems = compiler.validate(t.build());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains("no execution side"), problems.toString());
    }

    @Test
    void mergeFollowedByLaneIsNoConflict() {
        TopologyBuilder t = new TopologyBuilder("m");
        Stream<String> low = t.<String>stream("a").lane(Priority.LOW);
        low.merge(t.<String>stream("b").lane(Priority.HIGH)).lane(Priority.HIGH).to("c");
        assertEquals(List.of(), compiler.validate(t.build()));
    }

    @Test
    void statelessChainsAreFusedIntoOneStagePerSource() {
        TopologyBuilder t = new TopologyBuilder("chain");
        t.<String>stream("in", Named.as("in")).filter(s -> !s.isEmpty(), Named.as("f1")).map(String::length, Named.as("m1"))
                .peek(x -> { }, Named.as("p1")).lane(Priority.HIGH, Named.as("high")).to("out", Named.as("out"));
        PhysicalPlan plan = compiler.compile(t.build());
        assertEquals(1, plan.stages().size());
        Stage stage = plan.stages().get(0);
        assertEquals(Stage.Kind.SOURCE, stage.kind());
        assertEquals("in", stage.pattern());
        assertEquals(Priority.HIGH, stage.lane(), "subscription on the lane of its output");
        assertEquals(List.of(List.of("in", "f1", "m1", "p1", "high", "out")), stage.fusedChains());
    }

    @Test
    void windowsSitBehindARepartitionOnTheirKey() {
        TopologyBuilder t = new TopologyBuilder("bars");
        t.<String>stream("data.trades.**", Named.as("trades"))
                .keyBy(s -> s.substring(0, 1), Named.as("by-symbol"))
                .windowedBy(TimeWindows.tumbling(Duration.ofSeconds(1)))
                .count()
                .lane(Priority.LOW)
                .to("bars", Named.as("bars"));
        PhysicalPlan plan = compiler.compile(t.build());
        assertEquals(2, plan.stages().size());
        Stage source = plan.stages().get(0);
        Stage window = plan.stages().get(1);
        assertEquals(List.of("trades", "by-symbol"), source.nodes());
        assertEquals(Stage.Kind.REPARTITION, window.kind());
        assertEquals("tributary.internal.bars.WINDOW-0000000002.repartition", window.pattern());
        assertEquals(List.of("WINDOW-0000000002", "LANE-0000000003", "bars"), window.nodes());
        assertEquals(Priority.NORMAL, source.lane());
        assertEquals(Priority.LOW, window.lane());
        String text = plan.describe().toString();
        assertEquals(String.join("\n",
                "Plan: bars",
                "  Stage 0: trades (SOURCE) subscribes data.trades.** on NORMAL",
                "    runs: trades, by-symbol",
                "    fused: trades -> by-symbol",
                "  Stage 1: WINDOW-0000000002 (REPARTITION) subscribes tributary.internal.bars.WINDOW-0000000002.repartition on LOW",
                "    runs: WINDOW-0000000002, LANE-0000000003, bars",
                "    fused: LANE-0000000003 -> bars",
                "  Publishes:",
                "    bars on LOW",
                "    tributary.internal.bars.WINDOW-0000000002.repartition on NORMAL",
                "  Timer: every 10ms for WINDOW-0000000002",
                ""), text);
    }

    @Test
    void nodesShapedAsADiamondAreSharedNotDuplicated() {
        TopologyBuilder t = new TopologyBuilder("diamond");
        Stream<String> in = t.stream("in", Named.as("in"));
        Stream<String> upper = in.map(String::toUpperCase, Named.as("upper"));
        Stream<String> lower = in.map(String::toLowerCase, Named.as("lower"));
        upper.merge(lower, Named.as("both")).to("out", Named.as("out"));
        t.<String>stream("other", Named.as("other")).merge(upper, Named.as("more")).to("out2");
        PhysicalPlan plan = compiler.compile(t.build());
        assertEquals(2, plan.stages().size());
        assertEquals(List.of("in", "upper", "lower", "both", "out", "more", "SINK-0000000007"), plan.stages().get(0).nodes());
        assertEquals(List.of("other", "more", "SINK-0000000007"), plan.stages().get(1).nodes());
    }

    private static String message(TopologyValidationException e, String node) {
        return e.problems().stream().filter(p -> p.node().equals(node)).findFirst().orElseThrow().message();
    }

}
