package io.tributary.runtime.viz;

import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VizGraphTest {
    private final VizGraph graph = VizGraph.of(Descriptions.arbDesk());

    @Test
    void eachKindGetsItsShapeAndPluginsTheirKindAndName() {
        VizNode quotes = graph.node("node-quotes");
        assertEquals(VizShape.SOURCE, quotes.shape());
        assertEquals("venue: sim", quotes.plugin());
        assertTrue(quotes.details().contains("config: {rate=1000}"), quotes.details().toString());
        VizNode arb = graph.node("node-arb");
        assertEquals(VizShape.ROUTE, arb.shape());
        assertEquals(List.of("arb", "ROUTE", "policy: arbitrage"), arb.labelLines());
        assertEquals("lane: CRITICAL (routed)", arb.details().get(0));
        assertEquals(VizShape.SINK, graph.node("node-paper").shape());
        assertEquals("venue: paper", graph.node("node-paper").plugin());
        assertEquals(VizShape.OPERATOR, graph.node(VizGraph.elementId("odd \"name\" <1>")).shape());
        assertEquals(Priority.LOW, graph.node("node-log").lane());
    }

    @Test
    void topicsAreNodesOutsideEverySubTopologyAtTheTransportBoundaries() {
        VizNode published = graph.node("topic-signals.arb");
        assertEquals(VizShape.TOPIC, published.shape());
        assertNull(published.lane());
        assertEquals(-1, published.group());
        assertTrue(graph.edges().contains(new VizEdge("node-to-opps", "topic-signals.arb", Priority.CRITICAL, true, "")));
        assertTrue(graph.edges().contains(new VizEdge("topic-data.quotes._2a_._2a_", "node-quotes", null, true, "")));
        // the published topic feeds the other sub-topology's pattern: that is where the two meet
        assertTrue(graph.edges().contains(new VizEdge("topic-signals.arb", "topic-signals._2a_", null, true, "matches")),
                graph.edges().toString());
        assertFalse(graph.groups().stream().anyMatch(g -> g.nodeIds().contains("topic-signals.arb")));
    }

    @Test
    void flowEdgesCarryTheUpstreamLaneAndGroupsFollowSubTopologies() {
        assertTrue(graph.edges().contains(new VizEdge("node-quotes", "node-arb", Priority.NORMAL, false, "")));
        assertTrue(graph.edges().contains(new VizEdge("node-arb", "node-paper", Priority.CRITICAL, false, "")));
        assertEquals(2, graph.groups().size());
        assertEquals(List.of("node-quotes", "node-arb", "node-paper", "node-to-opps"), graph.groups().get(0).nodeIds());
        assertEquals("sub-topology 1", graph.groups().get(1).label());
    }

    @Test
    void elementIdsAreXmlSafeAndDistinguishNamesThatOnlyDifferInPunctuation() {
        assertEquals("node-odd_20__22_name_22__20__3c_1_3e_", VizGraph.elementId("odd \"name\" <1>"));
        assertFalse(VizGraph.elementId("a_b").equals(VizGraph.elementId("a b")));
        assertEquals("node-by-venue.x", VizGraph.elementId("by-venue.x"));
    }

    @Test
    void anUnknownIdIsNamedInTheError() {
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> graph.node("node-nope"));
        assertTrue(e.getMessage().contains("node-nope") && e.getMessage().contains("arb-desk"), e.getMessage());
    }

    @Test
    void formatsAreParsedIgnoringCaseAndAnUnknownOneListsTheChoices() {
        assertEquals(VizFormat.MERMAID, VizFormat.parse("Mermaid"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VizFormat.parse("png"));
        assertEquals("unknown format 'png'; formats: text, dot, mermaid, svg, html", e.getMessage());
    }
}
