package io.tributary.topologies.viz;

import io.tributary.api.dsl.TopologyDefinition;
import io.tributary.api.graph.TopologyDescription;
import io.tributary.runtime.viz.VizEdge;
import io.tributary.runtime.viz.VizFormat;
import io.tributary.runtime.viz.VizGraph;
import io.tributary.runtime.viz.VizNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The text, DOT and Mermaid drawings of every example are pinned by golden files in
 * {@code golden/viz/}; rewrite them after an intended change with
 * {@code mvn -pl topologies verify -DupdateGolden=true} and review the diff. The SVG is checked
 * structurally: well-formed, every node and edge present, byte-identical on every run.
 */
class GoldenVizTest {

    static List<TopologyDefinition> examples() {
        return ServiceLoader.load(TopologyDefinition.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    static Stream<Arguments> examplesAndTextFormats() {
        return examples().stream().flatMap(example -> Stream.of(VizFormat.TEXT, VizFormat.DOT, VizFormat.MERMAID)
                .map(format -> Arguments.of(example.name(), format, example)));
    }

    static String extension(VizFormat format) {
        switch (format) {
            case DOT:
                return "dot";
            case MERMAID:
                return "mmd";
            default:
                return "txt";
        }
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("examplesAndTextFormats")
    void drawingMatchesGoldenFile(String name, VizFormat format, TopologyDefinition example) throws IOException {
        String actual = format.render(VizGraph.of(example.build().describe()));
        assertMatches("viz/" + name + "." + extension(format), actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void svgIsWellFormedWithEveryNodeAndEdgeAndTheSameBytesEveryTime(TopologyDefinition example) throws Exception {
        TopologyDescription description = example.build().describe();
        VizGraph graph = VizGraph.of(description);
        String svg = VizFormat.SVG.render(graph);
        assertEquals(svg, VizFormat.SVG.render(VizGraph.of(example.build().describe())), "SVG not deterministic");
        Map<String, Element> ids = elementsById(parse(svg));
        for (var node : description.nodes()) {
            Element g = ids.get(VizGraph.elementId(node.name()));
            assertNotNull(g, "no element for node " + node.name());
            assertEquals(node.name(), g.getAttribute("data-name"));
            assertTrue(g.getTextContent().contains(node.name()), "label of " + node.name());
        }
        for (var edge : description.edges()) {
            String id = new VizEdge(VizGraph.elementId(edge.from()), VizGraph.elementId(edge.to()), null, false, "").id();
            assertNotNull(ids.get(id), "no element for edge " + edge);
        }
        for (VizNode node : graph.nodes()) {
            assertNotNull(ids.get(node.id()), node.id());
        }
        assertEquals(graph.edges().size(), svg.split("class=\"edge ", -1).length - 1);
        for (var sub : description.subTopologies()) {
            assertNotNull(ids.get("group-" + sub.id()), "no box for sub-topology " + sub.id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void htmlIsDeterministicAndSelfContained(TopologyDefinition example) {
        String html = VizFormat.HTML.render(VizGraph.of(example.build().describe()));
        assertEquals(html, VizFormat.HTML.render(VizGraph.of(example.build().describe())));
        assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(!html.contains("src=") && !html.contains("<link"), "external assets in " + example.name());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, Element> elementsById(Document doc) {
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

    static void assertMatches(String file, String actual) throws IOException {
        if (Boolean.getBoolean("updateGolden")) {
            Path path = Path.of("src/test/resources/golden", file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = GoldenVizTest.class.getResourceAsStream("/golden/" + file)) {
            assertNotNull(in, "no golden file golden/" + file + "; create it with -DupdateGolden=true");
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual,
                    "drawing differs from golden/" + file);
        }
    }
}
