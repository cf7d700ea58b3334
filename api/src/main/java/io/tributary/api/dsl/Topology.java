package io.tributary.api.dsl;

import io.tributary.api.dsl.internal.InternalGraph;
import io.tributary.api.graph.TopologyDescription;

/**
 * A built topology: an immutable logical graph. Compile it with the runtime's
 * {@code TopologyCompiler}, run it in tests with {@code TopologyTestDriver}, or look at it with
 * {@link #describe()}.
 */
public final class Topology {
    private final InternalGraph graph;
    private final TopologyDescription description;

    Topology(InternalGraph graph) {
        this.graph = graph;
        this.description = graph.describe();
    }

    public String name() {
        return graph.name();
    }

    /** The graph as pure data; {@code describe().toString()} is the stable text form. */
    public TopologyDescription describe() {
        return description;
    }

    /** The logical nodes with their functions: for the runtime's compiler, not for users. */
    public InternalGraph internalGraph() {
        return graph;
    }

    @Override
    public String toString() {
        return description.toString();
    }
}
