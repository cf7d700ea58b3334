package io.tributary.api.dsl.internal;

import io.tributary.api.dsl.Named;
import io.tributary.api.graph.OperatorType;
import io.tributary.api.graph.PluginRef;

import java.util.List;
import java.util.Objects;

/** Messages whose topic matches {@link #pattern()}: from the bus, or from a venue plugin. */
public final class SourceNode extends GraphNode {
    private final String pattern;
    private final PluginRef venue;

    SourceNode(int id, Named named, String pattern, PluginRef venue) {
        super(id, venue == null ? OperatorType.SOURCE_TOPIC : OperatorType.SOURCE_VENUE, named);
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.venue = venue;
    }

    /** Unparsed, as the user wrote it; the compiler validates it. */
    public String pattern() {
        return pattern;
    }

    @Override
    public List<String> topics() {
        return List.of(pattern);
    }

    @Override
    public PluginRef plugin() {
        return venue;
    }
}
