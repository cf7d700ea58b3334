package io.tributary.plugins.glob;

import io.tributary.api.TopicPattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The route patterns as a segment trie: matching a topic walks its segments once through literal
 * children (a hash lookup), {@code *}, in-segment globs and {@code **}, instead of testing every
 * pattern. Built once; read-only afterwards, so safe to share between threads.
 */
final class RouteTrie {

    /** How to pick among matching routes. */
    interface Chooser {
        /** @return the better of {@code current} (may be null) and {@code candidate} */
        Route better(Route current, Route candidate);
    }

    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        final List<String> globs = new ArrayList<>();
        final List<Node> globNodes = new ArrayList<>();
        Node anyOne;
        Node anyMany;
        Route[] ending = new Route[0];

        Node glob(String glob) {
            int i = globs.indexOf(glob);
            if (i >= 0) {
                return globNodes.get(i);
            }
            globs.add(glob);
            Node node = new Node();
            globNodes.add(node);
            return node;
        }
    }

    private final Node root = new Node();

    RouteTrie(List<Route> routes) {
        for (Route route : routes) {
            add(route);
        }
    }

    private void add(Route route) {
        TopicPattern p = route.pattern();
        Node node = root;
        for (int i = 0; i < p.segmentCount(); i++) {
            switch (p.kind(i)) {
                case LITERAL:
                    node = node.literals.computeIfAbsent(p.segment(i), s -> new Node());
                    break;
                case ANY_ONE:
                    node = node.anyOne != null ? node.anyOne : (node.anyOne = new Node());
                    break;
                case ANY_MANY:
                    node = node.anyMany != null ? node.anyMany : (node.anyMany = new Node());
                    break;
                default:
                    node = node.glob(p.segment(i));
                    break;
            }
        }
        node.ending = Arrays.copyOf(node.ending, node.ending.length + 1);
        node.ending[node.ending.length - 1] = route;
    }

    /** The route {@code chooser} prefers among those matching {@code topic}, or null. */
    Route match(String topic, Chooser chooser) {
        Route[] best = new Route[1];
        match(root, topic.split("\\.", -1), 0, chooser, best);
        return best[0];
    }

    private static void match(Node node, String[] segments, int i, Chooser chooser, Route[] best) {
        if (node.anyMany != null) {
            for (int j = i; j <= segments.length; j++) {
                match(node.anyMany, segments, j, chooser, best);
            }
        }
        if (i == segments.length) {
            for (Route route : node.ending) {
                best[0] = chooser.better(best[0], route);
            }
            return;
        }
        String segment = segments[i];
        Node literal = node.literals.get(segment);
        if (literal != null) {
            match(literal, segments, i + 1, chooser, best);
        }
        if (node.anyOne != null) {
            match(node.anyOne, segments, i + 1, chooser, best);
        }
        for (int g = 0; g < node.globs.size(); g++) {
            if (TopicPattern.globMatches(node.globs.get(g), 0, segment, 0)) {
                match(node.globNodes.get(g), segments, i + 1, chooser, best);
            }
        }
    }
}
