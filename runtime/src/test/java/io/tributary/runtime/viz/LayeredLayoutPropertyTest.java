package io.tributary.runtime.viz;

import io.tributary.api.Priority;
import io.tributary.api.graph.NodeDescription;
import io.tributary.api.graph.OperatorType;
import io.tributary.api.graph.SubTopology;
import io.tributary.api.graph.TopologyDescription;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On random DAGs: no two nodes overlap, groups hold their nodes and stay apart, edges run left to right. */
class LayeredLayoutPropertyTest {

    @Property(tries = 200)
    void layoutIsTidyOnRandomGraphs(@ForAll @IntRange(min = 1, max = 30) int size,
                                    @ForAll @IntRange(min = 1, max = 4) int groups,
                                    @ForAll long seed) {
        VizGraph graph = VizGraph.of(randomDag(size, groups, new Random(seed)));
        Layout layout = LayeredLayout.of(graph);
        List<VizNode> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Layout.Box a = layout.nodes().get(nodes.get(i).id());
            assertTrue(a.x() + a.w() <= layout.width() && a.y() + a.h() <= layout.height(), "outside the drawing");
            for (int j = i + 1; j < nodes.size(); j++) {
                assertFalse(overlap(a, layout.nodes().get(nodes.get(j).id())), nodes.get(i).name() + " overlaps " + nodes.get(j).name());
            }
        }
        for (int g = 0; g < graph.groups().size(); g++) {
            Layout.Box box = layout.groups().get(g);
            for (String id : graph.groups().get(g).nodeIds()) {
                Layout.Box n = layout.nodes().get(id);
                assertTrue(n.x() >= box.x() && n.y() >= box.y() && n.x() + n.w() <= box.x() + box.w()
                        && n.y() + n.h() <= box.y() + box.h(), id + " outside its group");
            }
            for (int h = g + 1; h < graph.groups().size(); h++) {
                assertFalse(overlap(box, layout.groups().get(h)), "groups " + g + " and " + h + " overlap");
            }
        }
        for (Layout.Curve curve : layout.edges()) {
            assertTrue(curve.x1() < curve.x2(), "edge runs backwards");
        }
        assertEquals(VizFormat.SVG.render(graph), VizFormat.SVG.render(VizGraph.of(randomDag(size, groups, new Random(seed)))));
    }

    /** Node i takes predecessors among the nodes before it in its group; sources read in.i, sinks write out.i. */
    static TopologyDescription randomDag(int size, int groups, Random random) {
        List<List<String>> preds = new ArrayList<>();
        List<List<String>> succs = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            preds.add(new ArrayList<>());
            succs.add(new ArrayList<>());
        }
        for (int i = 0; i < size; i++) {
            for (int j = i % groups; j < i; j += groups) {
                if (random.nextInt(3) == 0) {
                    preds.get(i).add("n" + j);
                    succs.get(j).add("n" + i);
                }
            }
        }
        List<NodeDescription> nodes = new ArrayList<>();
        List<List<String>> members = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < size; i++) {
            OperatorType type = preds.get(i).isEmpty() ? OperatorType.SOURCE_TOPIC
                    : succs.get(i).isEmpty() ? OperatorType.SINK_TOPIC : OperatorType.MAP;
            List<String> topics = type == OperatorType.SOURCE_TOPIC ? List.of("in." + i)
                    : type == OperatorType.SINK_TOPIC ? List.of("out." + i) : List.of();
            nodes.add(new NodeDescription(i, "n" + i, type, Priority.ofOrdinal(random.nextInt(4)), false, topics, null,
                    preds.get(i), succs.get(i), i % groups, Map.of()));
            members.get(i % groups).add("n" + i);
        }
        List<SubTopology> subs = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            if (!members.get(g).isEmpty()) {
                subs.add(new SubTopology(g, members.get(g)));
            }
        }
        return new TopologyDescription("random", nodes, subs);
    }

    private static boolean overlap(Layout.Box a, Layout.Box b) {
        return a.x() < b.x() + b.w() && b.x() < a.x() + a.w() && a.y() < b.y() + b.h() && b.y() < a.y() + a.h();
    }
}
