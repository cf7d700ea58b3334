package io.tributary.runtime.viz;

import io.tributary.api.Priority;
import io.tributary.api.graph.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgRendererTest {
    private final VizGraph graph = VizGraph.of(Descriptions.arbDesk());

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Elements with an id attribute, by id (the DOM does not know SVG's id type without a schema). */
    static Map<String, Element> byId(Document doc) {
        Map<String, Element> ids = new HashMap<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("id")) {
                assertEquals(null, ids.put(e.getAttribute("id"), e), "duplicate id " + e.getAttribute("id"));
            }
        }
        return ids;
    }

    @Test
    void theSvgIsWellFormedAndHasEveryNodeEdgeAndGroupByStableId() throws Exception {
        Document doc = parse(VizFormat.SVG.render(graph));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        Map<String, Element> ids = byId(doc);
        for (VizNode node : graph.nodes()) {
            Element g = ids.get(node.id());
            assertNotNull(g, node.id());
            assertEquals(node.name(), g.getAttribute("data-name"));
            assertTrue(g.getAttribute("class").contains("kind-" + node.shape().label()), g.getAttribute("class"));
            assertTrue(g.getTextContent().contains(node.name()), node.name());
            assertNotNull(ids.get("rate-" + node.id()), "a live page needs a place for the rate of " + node.name());
        }
        for (VizEdge edge : graph.edges()) {
            Element g = ids.get(edge.id());
            assertNotNull(g, edge.id());
            assertEquals(edge.from(), g.getAttribute("data-from"));
            assertEquals(edge.to(), g.getAttribute("data-to"));
        }
        assertNotNull(ids.get("group-0"));
        assertNotNull(ids.get("group-1"));
        assertTrue(ids.get("node-arb").getAttribute("class").contains("lane-CRITICAL"));
    }

    @Test
    void nodesDoNotOverlapAndEachSubTopologyBoxHoldsItsNodesAndNoOtherGroupsNodes() {
        Layout layout = LayeredLayout.of(graph);
        List<VizNode> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Layout.Box a = layout.nodes().get(nodes.get(i).id());
            assertTrue(a.x() >= 0 && a.y() >= 0 && a.x() + a.w() <= layout.width() && a.y() + a.h() <= layout.height(),
                    nodes.get(i).name() + " outside the drawing: " + a);
            for (int j = i + 1; j < nodes.size(); j++) {
                Layout.Box b = layout.nodes().get(nodes.get(j).id());
                assertFalse(overlap(a, b), nodes.get(i).name() + " " + a + " overlaps " + nodes.get(j).name() + " " + b);
            }
        }
        for (int g = 0; g < graph.groups().size(); g++) {
            Layout.Box box = layout.groups().get(g);
            for (VizNode node : nodes) {
                Layout.Box n = layout.nodes().get(node.id());
                if (node.group() == graph.groups().get(g).id()) {
                    assertTrue(contains(box, n), node.name() + " outside its group " + box);
                } else if (node.group() >= 0) {
                    assertFalse(overlap(box, n), node.name() + " inside group " + g);
                }
            }
        }
        assertFalse(overlap(layout.groups().get(0), layout.groups().get(1)));
    }

    @Test
    void edgesRunFromTheRightOfTheirSourceToTheLeftOfTheirTarget() {
        Layout layout = LayeredLayout.of(graph);
        for (int e = 0; e < graph.edges().size(); e++) {
            VizEdge edge = graph.edges().get(e);
            Layout.Curve curve = layout.edges().get(e);
            Layout.Box from = layout.nodes().get(edge.from());
            Layout.Box to = layout.nodes().get(edge.to());
            assertEquals(from.x() + from.w(), curve.x1(), edge.id());
            assertEquals(to.x(), curve.x2(), edge.id());
            assertTrue(curve.x1() < curve.x2(), edge.id() + " goes backwards");
        }
    }

    @Test
    void theHtmlPageEmbedsTheSvgALegendAndScriptWithoutExternalAssets() throws Exception {
        String html = VizFormat.HTML.render(graph);
        assertTrue(html.startsWith("<!DOCTYPE html>\n"));
        String svg = html.substring(html.indexOf("<svg xmlns"), html.indexOf("</svg>\n<div id=\"details\">") + 6);
        Map<String, Element> ids = byId(parse(svg));
        graph.nodes().forEach(n -> assertNotNull(ids.get(n.id()), n.id()));
        for (Priority lane : Priority.values()) {
            assertTrue(html.contains("background:" + LanePalette.fill(lane) + ";border-color:" + LanePalette.stroke(lane)
                    + "\"></i>" + lane), "legend entry for " + lane);
        }
        assertTrue(html.contains("<script>") && html.contains("mouseenter"));
        assertFalse(html.contains("src="), "no external scripts or images");
        assertFalse(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").contains("http"), "no external links");
    }

    @Test
    void anEmptyTopologyStillGivesAValidDocument() throws Exception {
        VizGraph empty = VizGraph.of(new TopologyDescription("empty", List.of(), List.of()));
        Document doc = parse(VizFormat.SVG.render(empty));
        assertEquals("40", doc.getDocumentElement().getAttribute("width"));
        assertEquals("40", doc.getDocumentElement().getAttribute("height"));
        assertEquals("topology empty\n  edges\n", VizFormat.TEXT.render(empty));
    }

    private static boolean overlap(Layout.Box a, Layout.Box b) {
        return a.x() < b.x() + b.w() && b.x() < a.x() + a.w() && a.y() < b.y() + b.h() && b.y() < a.y() + a.h();
    }

    private static boolean contains(Layout.Box outer, Layout.Box inner) {
        return inner.x() >= outer.x() && inner.y() >= outer.y() && inner.x() + inner.w() <= outer.x() + outer.w()
                && inner.y() + inner.h() <= outer.y() + outer.h();
    }
}
