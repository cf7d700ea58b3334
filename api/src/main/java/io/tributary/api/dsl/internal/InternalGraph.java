package io.tributary.api.dsl.internal;

import io.tributary.api.graph.TopologyDescription;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The nodes of one topology in creation order (so every node comes after its parents). Mutable
 * while the builder runs, frozen by {@link #freeze()}.
 */
public final class InternalGraph {
    private final String name;
    private final List<GraphNode> nodes = new ArrayList<>();
    private boolean frozen;

    public InternalGraph(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    /** In id order; parents always precede their children. */
    public List<GraphNode> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    int nextId() {
        checkOpen();
        return nodes.size();
    }

    <N extends GraphNode> N add(N node, GraphNode... parents) {
        checkOpen();
        if (node.id() != nodes.size()) {
            throw new IllegalStateException("node ids must be dense: " + node);
        }
        for (GraphNode parent : parents) {
            parent.addChild(node);
        }
        nodes.add(node);
        return node;
    }

    void checkOpen() {
        if (frozen) {
            throw new IllegalStateException("topology '" + name + "' is already built; streams of a built topology cannot be extended");
        }
    }

    public void freeze() {
        frozen = true;
    }

    public TopologyDescription describe() {
        return DescriptionWriter.describe(this);
    }
}
