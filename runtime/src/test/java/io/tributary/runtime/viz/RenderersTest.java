package io.tributary.runtime.viz;

import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text, DOT and Mermaid: shapes by kind, one palette, boxes per sub-topology, escaping. */
class RenderersTest {
    private final VizGraph graph = VizGraph.of(Descriptions.arbDesk());

    @Test
    void dotDrawsShapesByKindColoursByLaneAndAClusterPerSubTopology() {
        String dot = VizFormat.DOT.render(graph);
        assertTrue(dot.startsWith("digraph \"arb-desk\" {\n"), dot);
        assertTrue(dot.contains("subgraph \"cluster_0\" {") && dot.contains("subgraph \"cluster_1\" {"), dot);
        assertTrue(dot.contains("\"node-arb\" [label=\"arb\\nROUTE\\npolicy: arbitrage\", shape=diamond, color=\""
                + LanePalette.stroke(Priority.CRITICAL) + "\""), dot);
        assertTrue(dot.contains("\"node-quotes\" [label=\"quotes\\nSOURCE_VENUE\\nvenue: sim\", shape=invhouse"), dot);
        assertTrue(dot.contains("\"node-paper\" [label=\"paper\\nSINK_PLUGIN\\nvenue: paper\", shape=house"), dot);
        assertTrue(dot.contains("\"topic-signals.arb\" [label=\"signals.arb\\ntopic\", shape=cylinder"), dot);
        // a quote in a name is escaped, so the file still parses
        assertTrue(dot.contains("label=\"odd \\\"name\\\" <1>\\nTHROTTLE\""), dot);
        assertTrue(dot.contains("\"topic-signals.arb\" -> \"topic-signals._2a_\" [color=\"" + LanePalette.TOPIC_STROKE
                + "\", style=dashed, label=\"matches\"];"), dot);
        // topics are declared outside the clusters
        int clusterEnd = dot.lastIndexOf("  }\n");
        assertTrue(dot.indexOf("\"topic-signals.arb\" [") > clusterEnd, dot);
    }

    @Test
    void mermaidUsesSubgraphsShapesAndTheSamePalette() {
        String mermaid = VizFormat.MERMAID.render(graph);
        assertTrue(mermaid.startsWith("flowchart LR\n"), mermaid);
        assertTrue(mermaid.contains("  subgraph sub0[\"sub-topology 0\"]\n    n0[/\"quotes<br/>SOURCE_VENUE<br/>venue: sim\"/]\n"), mermaid);
        assertTrue(mermaid.contains("    n1{\"arb<br/>ROUTE<br/>policy: arbitrage\"}\n"), mermaid);
        assertTrue(mermaid.contains("    n2>\"paper<br/>SINK_PLUGIN<br/>venue: paper\"]\n"), mermaid);
        assertTrue(mermaid.contains("    n5(\"odd #quot;name#quot; #lt;1#gt;<br/>THROTTLE\")\n"), mermaid);
        assertTrue(mermaid.contains("  classDef laneCRITICAL fill:" + LanePalette.fill(Priority.CRITICAL)
                + ",stroke:" + LanePalette.stroke(Priority.CRITICAL)), mermaid);
        assertTrue(mermaid.contains("  class n1 laneCRITICAL\n"), mermaid);
        assertTrue(mermaid.contains(" -.->|\"matches\"| "), mermaid);
        assertEquals(graph.edges().size(), mermaid.lines().filter(l -> l.startsWith("  linkStyle ")).count());
    }

    @Test
    void textListsEveryNodeUnderItsSubTopologyAndEveryEdge() {
        String text = VizFormat.TEXT.render(graph);
        assertTrue(text.startsWith("topology arb-desk\n  sub-topology 0\n    [source]   quotes  SOURCE_VENUE  venue: sim\n"), text);
        assertTrue(text.contains("    [route]    arb  ROUTE  policy: arbitrage\n               lane: CRITICAL (routed)\n"), text);
        assertTrue(text.contains("    to-opps ..> signals.arb  [CRITICAL]\n"), text);
        assertTrue(text.contains("    signals.arb ..> signals.*  (matches)\n"), text);
        for (VizNode node : graph.nodes()) {
            assertTrue(text.contains("]" + " ".repeat(11 - node.shape().label().length() - 2) + node.name()), node.name());
        }
        assertEquals(graph.edges().size(), text.lines().filter(l -> l.contains(" --> ") || l.contains(" ..> ")).count());
    }

    @Test
    void everyRendererIsDeterministic() {
        for (VizFormat format : VizFormat.values()) {
            String first = format.render(graph);
            assertEquals(first, format.render(VizGraph.of(Descriptions.arbDesk())), format.name());
            assertFalse(first.isEmpty());
            assertTrue(first.endsWith("\n"), format.name());
        }
    }
}
