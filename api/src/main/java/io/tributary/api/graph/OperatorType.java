package io.tributary.api.graph;

/**
 * What a node does. Stateless types can be fused into one stage by the compiler; the others keep
 * state or a time dependence and mark where fusion stops or where keys must be pinned.
 */
public enum OperatorType {
    SOURCE_TOPIC(NodeKind.SOURCE, true),
    SOURCE_VENUE(NodeKind.SOURCE, true),
    FILTER(NodeKind.OPERATOR, true),
    MAP(NodeKind.OPERATOR, true),
    FLAT_MAP(NodeKind.OPERATOR, true),
    PEEK(NodeKind.OPERATOR, true),
    KEY_BY(NodeKind.OPERATOR, true),
    /** Evaluates branch predicates in order; each message goes to the first branch that accepts it. */
    SPLIT(NodeKind.OPERATOR, true),
    /** One named output of a {@link #SPLIT}. */
    BRANCH(NodeKind.OPERATOR, true),
    MERGE(NodeKind.OPERATOR, true),
    LANE(NodeKind.OPERATOR, true),
    ROUTE(NodeKind.ROUTE, true),
    /** Keeps the latest value per key and releases the changed ones at an interval. */
    CONFLATE(NodeKind.OPERATOR, false),
    /** Lets through at most a given rate, per key or for the whole stream; the excess is dropped and counted. */
    THROTTLE(NodeKind.OPERATOR, false),
    /** Event-time windows (tumbling or sliding) aggregated per key. */
    WINDOW_AGGREGATE(NodeKind.OPERATOR, false),
    SINK_TOPIC(NodeKind.SINK, true),
    SINK_PLUGIN(NodeKind.SINK, true),
    FOR_EACH(NodeKind.SINK, true);

    private final NodeKind kind;
    private final boolean stateless;

    OperatorType(NodeKind kind, boolean stateless) {
        this.kind = kind;
        this.stateless = stateless;
    }

    public NodeKind kind() {
        return kind;
    }

    /** True when the operator keeps no state between messages and does not depend on time. */
    public boolean isStateless() {
        return stateless;
    }

    /** The prefix of generated node names, e.g. {@code FILTER} in {@code FILTER-0000000003}. */
    public String namePrefix() {
        switch (this) {
            case SOURCE_TOPIC:
            case SOURCE_VENUE:
                return "SOURCE";
            case SINK_TOPIC:
            case SINK_PLUGIN:
                return "SINK";
            case WINDOW_AGGREGATE:
                return "WINDOW";
            default:
                return name().replace('_', '-');
        }
    }
}
