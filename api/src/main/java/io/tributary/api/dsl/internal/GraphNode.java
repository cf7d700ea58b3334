package io.tributary.api.dsl.internal;

import io.tributary.api.dsl.Named;
import io.tributary.api.graph.OperatorType;
import io.tributary.api.graph.PluginRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A logical node: identity, position in the graph and what {@code describe()} shows of it.
 * Subclasses add the operator's functions and settings.
 */
public abstract class GraphNode {
    private final int id;
    private final OperatorType type;
    private final String name;
    private final boolean userNamed;
    private final List<GraphNode> parents = new ArrayList<>();
    private final List<GraphNode> children = new ArrayList<>();

    protected GraphNode(int id, OperatorType type, Named named) {
        this.id = id;
        this.type = type;
        this.userNamed = named != null;
        this.name = named != null ? named.name() : generatedName(type, id);
    }

    /** Kafka Streams style: {@code FILTER-0000000003}. */
    public static String generatedName(OperatorType type, int id) {
        return type.namePrefix() + "-" + String.format("%010d", id);
    }

    public final int id() {
        return id;
    }

    public final OperatorType type() {
        return type;
    }

    public final String name() {
        return name;
    }

    public final boolean isUserNamed() {
        return userNamed;
    }

    public final List<GraphNode> parents() {
        return Collections.unmodifiableList(parents);
    }

    public final List<GraphNode> children() {
        return Collections.unmodifiableList(children);
    }

    final void addChild(GraphNode child) {
        children.add(child);
        child.parents.add(this);
    }

    /** Patterns of a source, the topic of a sink, the late topic of a window; else empty. */
    public List<String> topics() {
        return List.of();
    }

    /** The referenced plugin, or null. */
    public PluginRef plugin() {
        return null;
    }

    /** Settings shown in the description (values already formatted). */
    public void describeAttributes(Map<String, String> out) {
    }

    /**
     * True when the values leaving this node have a key set in the topology (by keyBy, conflate or
     * windowing with a key function); what keyed operators need.
     */
    public boolean keysOutput() {
        if (parents.isEmpty()) {
            return false;
        }
        for (GraphNode parent : parents) {
            if (!parent.keysOutput()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
