package io.tributary.api.dsl.internal;

import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Stream;
import io.tributary.api.graph.PluginRef;

/** Node creation the public DSL package needs but cannot do itself (constructors are package-private). */
public final class GraphNodes {
    private GraphNodes() {
    }

    public static <T> Stream<T> source(InternalGraph graph, Named named, String pattern, PluginRef venue) {
        SourceNode node = graph.add(new SourceNode(graph.nextId(), named, pattern, venue));
        return new StreamImpl<>(graph, node);
    }
}
