package io.tributary.api.dsl;

import io.tributary.api.dsl.internal.GraphNodes;
import io.tributary.api.dsl.internal.InternalGraph;
import io.tributary.api.graph.PluginRef;

import java.util.Objects;

/**
 * Entry point of the DSL: declare sources, chain operators on the returned streams, then
 * {@link #build()}.
 * <pre>
 * TopologyBuilder t = new TopologyBuilder("trade-bars");
 * t.&lt;Trade&gt;stream("data.trades.**")
 *  .keyBy(Trade::symbol)
 *  .windowedBy(TimeWindows.tumbling(Duration.ofSeconds(1)).grace(Duration.ofMillis(200)))
 *  .aggregate(() -&gt; Bar.EMPTY, Bar::add)
 *  .to("bars.1s");
 * Topology topology = t.build();
 * </pre>
 * Not thread-safe: build a topology on one thread.
 */
public final class TopologyBuilder {
    private final InternalGraph graph;

    public TopologyBuilder() {
        this("topology");
    }

    public TopologyBuilder(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topology name must not be blank");
        }
        this.graph = new InternalGraph(name);
    }

    /**
     * Messages on the bus whose topic matches {@code pattern} ({@code *} one segment, {@code **} any
     * number, {@code ?}/{@code *} inside a segment). The pattern is checked when the topology is
     * compiled.
     */
    public <T> Stream<T> stream(String pattern) {
        return stream(pattern, null);
    }

    public <T> Stream<T> stream(String pattern, Named named) {
        return GraphNodes.source(graph, named, Objects.requireNonNull(pattern, "pattern"), null);
    }

    /** A venue plugin ({@link Venue#ref}) as a source; pick its topics with {@link VenueSource#subscribe}. */
    public VenueSource source(Named named, PluginRef venue) {
        Objects.requireNonNull(venue, "venue");
        if (venue.kind() != PluginRef.Kind.VENUE) {
            throw new IllegalArgumentException("source(" + venue + ") needs a venue reference (Venue.ref), not a " + venue.kind().label());
        }
        return new VenueSource() {
            @Override
            public <T> Stream<T> subscribe(String pattern) {
                return GraphNodes.source(graph, named, Objects.requireNonNull(pattern, "pattern"), venue);
            }
        };
    }

    public VenueSource source(PluginRef venue) {
        return source(null, venue);
    }

    /** Freezes the graph: streams of this builder cannot be extended afterwards. */
    public Topology build() {
        graph.freeze();
        return new Topology(graph);
    }
}
