package io.tributary.runtime.viz;

/** How a node is drawn; one shape per node kind, plus topics at transport boundaries. */
public enum VizShape {
    /** Where messages enter (a bus pattern or a venue plugin). */
    SOURCE,
    /** A transformation. */
    OPERATOR,
    /** A routing decision (policy). */
    ROUTE,
    /** Where messages leave. */
    SINK,
    /** A topic or pattern on the transport between (sub-)topologies; not part of any sub-topology. */
    TOPIC;

    /** Lower-case label used in text output, CSS classes and the legend. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
