package io.tributary.api.dsl;

import io.tributary.api.Priority;
import io.tributary.api.graph.NodeDescription;
import io.tributary.api.graph.NodeKind;
import io.tributary.api.graph.OperatorType;
import io.tributary.api.graph.PluginRef;
import io.tributary.api.graph.TopologyDescription;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopologyDescribeTest {

    @Test
    void textFormListsNodesWithGeneratedAndUserNamesInSubTopologies() {
        TopologyBuilder t = new TopologyBuilder("demo");
        t.<String>stream("data.trades.**", Named.as("trades"))
                .filter(s -> !s.isEmpty())
                .map(String::length)
                .lane(Priority.HIGH)
                .to("lengths");
        t.<String>stream("other.*").forEach(s -> { }, Named.as("print"));

        String expected = String.join("\n",
                "Topology: demo",
                "  Sub-topology: 0",
                "    Source: trades (type: SOURCE_TOPIC, lane: NORMAL, topics: [data.trades.**])",
                "      --> FILTER-0000000001",
                "      <-- none",
                "    Operator: FILTER-0000000001 (type: FILTER, lane: NORMAL)",
                "      --> MAP-0000000002",
                "      <-- trades",
                "    Operator: MAP-0000000002 (type: MAP, lane: NORMAL)",
                "      --> LANE-0000000003",
                "      <-- FILTER-0000000001",
                "    Operator: LANE-0000000003 (type: LANE, lane: HIGH)",
                "      --> SINK-0000000004",
                "      <-- MAP-0000000002",
                "    Sink: SINK-0000000004 (type: SINK_TOPIC, lane: HIGH, topics: [lengths])",
                "      --> none",
                "      <-- LANE-0000000003",
                "  Sub-topology: 1",
                "    Source: SOURCE-0000000005 (type: SOURCE_TOPIC, lane: NORMAL, topics: [other.*])",
                "      --> print",
                "      <-- none",
                "    Sink: print (type: FOR_EACH, lane: NORMAL)",
                "      --> none",
                "      <-- SOURCE-0000000005",
                "  Lanes:",
                "    HIGH: LANE-0000000003, SINK-0000000004",
                "    NORMAL: trades, FILTER-0000000001, MAP-0000000002, SOURCE-0000000005, print",
                "");
        assertEquals(expected, t.build().describe().toString());
    }

    @Test
    void describeIsStableAcrossBuilds() {
        assertEquals(sample().describe().toString(), sample().describe().toString());
        assertEquals(sample().describe(), sample().describe());
    }

    @Test
    void dataModelHasKindsEdgesSourcesSinksAndPlugins() {
        TopologyDescription d = sample().describe();
        assertEquals(List.of("quotes"), d.sources().stream().map(NodeDescription::name).toList());
        NodeDescription quotes = d.node("quotes");
        assertEquals(NodeKind.SOURCE, quotes.kind());
        assertEquals(OperatorType.SOURCE_VENUE, quotes.type());
        assertEquals(new PluginRef(PluginRef.Kind.VENUE, "sim", Map.of("seed", 7)), quotes.plugin());
        assertEquals(List.of("data.quotes.*.*"), quotes.topics());

        NodeDescription route = d.node("arb");
        assertEquals(NodeKind.ROUTE, route.kind());
        assertTrue(route.routedLane());
        assertEquals("policy:arbitrage", route.plugin().toString());

        NodeDescription paper = d.node("paper-orders");
        assertEquals(NodeKind.SINK, paper.kind());
        assertEquals(Priority.CRITICAL, paper.lane());
        assertFalse(paper.routedLane(), "lane() after the route fixes the lane again");
        assertTrue(d.edges().stream().anyMatch(e -> e.from().equals("quotes") && e.to().equals("by-venue")));
        assertEquals(List.of("by-venue-binance", "by-venue-rest"), d.node("by-venue").successors());
        assertEquals("[binance, rest (default)]", d.node("by-venue").attributes().get("branches"));
        assertEquals(1, d.subTopologies().size());
        assertEquals(Priority.NORMAL, d.node("ui").lane(), "conflation happens before lane(LOW)");
        String uiLane = d.node("ui").successors().get(0);
        assertEquals(List.of(uiLane, d.node(uiLane).successors().get(0)), d.lanes().get(Priority.LOW));
    }

    @Test
    void windowAttributesShowSizeGraceAndLateHandling() {
        TopologyBuilder t = new TopologyBuilder("w");
        t.<Long>stream("in").keyBy(v -> v % 2)
                .windowedBy(TimeWindows.sliding(Duration.ofSeconds(10), Duration.ofSeconds(1)).grace(Duration.ofMillis(250)))
                .lateTo("late.in")
                .count()
                .to("out");
        NodeDescription w = t.build().describe().node("WINDOW-0000000002");
        assertEquals("sliding 10s every 1s", w.attributes().get("window"));
        assertEquals("250ms", w.attributes().get("grace"));
        assertEquals("to late.in", w.attributes().get("late"));
        assertEquals(List.of("late.in"), w.topics());
        assertNull(w.plugin());
    }

    @Test
    void mergeTakesTheHighestLaneOfItsParents() {
        TopologyBuilder t = new TopologyBuilder("m");
        Stream<String> a = t.<String>stream("a").lane(Priority.LOW);
        Stream<String> b = t.<String>stream("b").lane(Priority.HIGH);
        a.merge(b, Named.as("both")).to("c");
        TopologyDescription d = t.build().describe();
        assertEquals(Priority.HIGH, d.node("both").lane());
        assertEquals(1, d.subTopologies().size());
    }

    static Topology sample() {
        TopologyBuilder t = new TopologyBuilder("sample");
        Stream<String> quotes = t.source(Named.as("quotes"), Venue.ref("sim", Map.of("seed", 7))).subscribe("data.quotes.*.*");
        Split<String> byVenue = quotes.split(Named.as("by-venue"))
                .branch("binance", q -> q.startsWith("B"))
                .defaultBranch("rest");
        byVenue.branch("binance").conflate(q -> q, Duration.ofMillis(100), Named.as("ui")).lane(Priority.LOW).to("ui.quotes");
        byVenue.branch("rest").route(Policy.ref("arbitrage"), Named.as("arb")).lane(Priority.CRITICAL)
                .to(Venue.ref("paper"), Named.as("paper-orders"));
        return t.build();
    }
}
