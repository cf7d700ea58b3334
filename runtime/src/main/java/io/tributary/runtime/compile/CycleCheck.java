package io.tributary.runtime.compile;

import io.tributary.api.TopicPattern;
import io.tributary.api.dsl.internal.GraphNode;
import io.tributary.api.dsl.internal.SinkNode;
import io.tributary.api.dsl.internal.SourceNode;
import io.tributary.api.dsl.internal.WindowNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A topology loops when a topic it publishes feeds one of its own sources upstream of that
 * publisher: every message would circle forever. Edges are the graph's own plus one from each sink
 * (and each window's late topic) to every source whose pattern matches the topic. Each strongly
 * connected component is reported once, naming every node of a cycle through it.
 */
final class CycleCheck implements Check {

    @Override
    public void check(LogicalGraph graph, List<Problem> problems) {
        List<GraphNode> nodes = graph.nodes();
        int n = nodes.size();
        List<List<Integer>> edges = new ArrayList<>(n);
        Map<Long, String> topicOfEdge = new HashMap<>();
        for (GraphNode node : nodes) {
            List<Integer> out = new ArrayList<>();
            node.children().forEach(c -> out.add(c.id()));
            edges.add(out);
        }
        List<SourceNode> sources = new ArrayList<>();
        List<TopicPattern> patterns = new ArrayList<>();
        for (GraphNode node : nodes) {
            if (node instanceof SourceNode source) {
                TopicPattern pattern = TopicCheck.patternOrNull(source);
                if (pattern != null) {
                    sources.add(source);
                    patterns.add(pattern);
                }
            }
        }
        for (GraphNode node : nodes) {
            String topic = node instanceof SinkNode sink ? sink.topic()
                    : node instanceof WindowNode window ? window.lateTopic() : null;
            if (topic == null || !io.tributary.api.Topic.isValid(topic)) {
                continue;
            }
            for (int i = 0; i < sources.size(); i++) {
                if (patterns.get(i).matches(topic)) {
                    int to = sources.get(i).id();
                    edges.get(node.id()).add(to);
                    topicOfEdge.put(edgeKey(node.id(), to), topic);
                }
            }
        }
        for (List<Integer> component : new Tarjan(edges).components()) {
            if (component.size() > 1) {
                problems.add(describeCycle(nodes, edges, topicOfEdge, component));
            }
        }
    }

    private static Problem describeCycle(List<GraphNode> nodes, List<List<Integer>> edges,
                                         Map<Long, String> topicOfEdge, List<Integer> component) {
        int start = component.stream().min(Integer::compare).orElseThrow();
        List<Integer> path = cycleThrough(start, edges, component);
        StringBuilder b = new StringBuilder("cycle: ");
        for (int i = 0; i < path.size(); i++) {
            int from = path.get(i);
            b.append(nodes.get(from).name());
            if (i + 1 < path.size()) {
                String topic = topicOfEdge.get(edgeKey(from, path.get(i + 1)));
                b.append(topic != null ? " -[" + topic + "]-> " : " -> ");
            }
        }
        b.append("; a topic this topology publishes feeds back into one of its own sources, so messages"
                + " would circle forever: publish to a topic the source pattern does not match");
        return new Problem(nodes.get(start).name(), b.toString());
    }

    /** Breadth-first search for the shortest way back to {@code start} inside the component. */
    private static List<Integer> cycleThrough(int start, List<List<Integer>> edges, List<Integer> component) {
        Map<Integer, Integer> previous = new HashMap<>();
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int next : edges.get(node)) {
                if (!component.contains(next)) {
                    continue;
                }
                if (next == start) {
                    List<Integer> path = new ArrayList<>();
                    path.add(start);
                    for (int at = node; at != start; at = previous.get(at)) {
                        path.add(1, at);
                    }
                    path.add(start);
                    return path;
                }
                if (!previous.containsKey(next)) {
                    previous.put(next, node);
                    queue.add(next);
                }
            }
        }
        throw new AssertionError("a strongly connected component always has a cycle through each node");
    }

    private static long edgeKey(int from, int to) {
        return ((long) from << 32) | to;
    }

    /** Tarjan's strongly connected components, iterative (deep graphs must not overflow the stack). */
    static final class Tarjan {
        private final List<List<Integer>> edges;
        private final int[] index;
        private final int[] low;
        private final boolean[] onStack;
        private final Deque<Integer> stack = new ArrayDeque<>();
        private final List<List<Integer>> components = new ArrayList<>();
        private int counter;

        Tarjan(List<List<Integer>> edges) {
            this.edges = edges;
            int n = edges.size();
            index = new int[n];
            low = new int[n];
            onStack = new boolean[n];
            java.util.Arrays.fill(index, -1);
        }

        List<List<Integer>> components() {
            for (int v = 0; v < edges.size(); v++) {
                if (index[v] < 0) {
                    visit(v);
                }
            }
            return components;
        }

        private void visit(int root) {
            Deque<int[]> work = new ArrayDeque<>(); // {node, next edge position}
            work.push(new int[] {root, 0});
            open(root);
            while (!work.isEmpty()) {
                int[] frame = work.peek();
                int v = frame[0];
                List<Integer> out = edges.get(v);
                if (frame[1] < out.size()) {
                    int w = out.get(frame[1]++);
                    if (index[w] < 0) {
                        open(w);
                        work.push(new int[] {w, 0});
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    int parent = work.peek()[0];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == index[v]) {
                    List<Integer> component = new ArrayList<>();
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component.add(w);
                    } while (w != v);
                    components.add(component);
                }
            }
        }

        private void open(int v) {
            index[v] = counter;
            low[v] = counter;
            counter++;
            stack.push(v);
            onStack[v] = true;
        }
    }
}
