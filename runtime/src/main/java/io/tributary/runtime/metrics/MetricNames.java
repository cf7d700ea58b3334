package io.tributary.runtime.metrics;

import io.tributary.api.Priority;
import io.tributary.api.Topic;

import java.util.Locale;
import java.util.Set;

/**
 * The names Tributary registers in its {@link com.codahale.metrics.MetricRegistry}; see
 * {@code docs/metrics.md} for the full table. Dots separate segments, so alert rules can select
 * metrics with topic patterns ({@code tributary.lane.*.dropped}). Prometheus sees the same names with
 * {@code .} and {@code -} turned into {@code _} (and {@code _total} after counters and meters).
 */
public final class MetricNames {
    /** Prefix of every Tributary metric. */
    public static final String PREFIX = "tributary";

    /** Worker threads running now (gauge). */
    public static final String WORKERS = PREFIX + ".executor.workers";
    /** Handler exceptions since start (counter). */
    public static final String HANDLER_ERRORS = PREFIX + ".bus.handler-errors";
    /** Messages sent to the dead-letter topic since start (counter). */
    public static final String DEAD_LETTERS = PREFIX + ".bus.dead-letters";
    /** Active subscription patterns (gauge). */
    public static final String SUBSCRIPTIONS = PREFIX + ".bus.subscriptions";

    /**
     * The runtime's own groups under {@value #PREFIX}: topologies cannot take these names, or their
     * node metrics could collide with ours (a node {@code handler} of a topology {@code bus} would
     * export {@code tributary_bus_handler_errors_total} twice, and the scrape would fail).
     */
    public static final Set<String> RESERVED_TOPOLOGY_NAMES = Set.of("lane", "bus", "executor", "transport");

    /** Node meter suffixes. */
    public static final String IN = "in";
    public static final String OUT = "out";
    public static final String ERRORS = "errors";
    public static final String LATENCY = "latency";

    /** Lane metric suffixes: counters since start. */
    public static final String ENQUEUED = "enqueued";
    public static final String DELIVERED = "delivered";
    public static final String DROPPED = "dropped";
    public static final String CONFLATED = "conflated";
    public static final String REJECTED = "rejected";
    public static final String FAILED = "failed";
    /** Lane metric suffixes: gauges. */
    public static final String DEPTH = "depth";
    public static final String WAIT_P50 = "wait.p50";
    public static final String WAIT_P99 = "wait.p99";
    public static final String WAIT_MAX = "wait.max";
    public static final String WAIT_CURRENT = "wait.current";
    public static final String WAIT_BOUND = "wait.bound";

    private MetricNames() {
    }

    /** {@code tributary.<topology>.<node>.<suffix>}; both names checked by {@link #segment}. */
    public static String node(String topology, String node, String suffix) {
        return node(topology, node) + '.' + suffix;
    }

    /** {@code tributary.<topology>.<node>}, the common prefix of a node's metrics. */
    public static String node(String topology, String node) {
        return PREFIX + '.' + segment("topology", topology) + '.' + segment("node", node);
    }

    /** {@code tributary.lane.<lane>.<suffix>}, lane in lower case. */
    public static String lane(Priority lane, String suffix) {
        return PREFIX + ".lane." + laneName(lane) + '.' + suffix;
    }

    /** {@code critical}, {@code high}, {@code normal}, {@code low}. */
    public static String laneName(Priority lane) {
        return lane.name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code tributary.transport.<transport>.<source>.lag}. The source may have several segments
     * (a Kafka topic such as {@code data.quotes}); it must be a valid topic.
     */
    public static String lag(String transport, String source) {
        return transport(transport, dotted("source", source)) + ".lag";
    }

    /**
     * {@code tributary.transport.<transport>.<name>}, a transport's own count; the name may have
     * several segments ({@code streams.processing-failed}) and must be a valid topic.
     */
    public static String transport(String transport, String name) {
        return PREFIX + ".transport." + segment("transport", transport) + '.' + dotted("transport metric", name);
    }

    /** Checks that {@code value}, which may have several segments, is a valid topic. */
    private static String dotted(String what, String value) {
        if (value == null || !Topic.isValid(value)) {
            try {
                Topic.validate(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + " name '" + value + "' cannot be part of a metric name: "
                        + e.getMessage(), e);
            }
        }
        return value;
    }

    /**
     * Checks that {@code value} can be one segment of a metric name: a valid topic without dots.
     *
     * @param what what the value names, for the error ("node", "topology"…)
     * @throws IllegalArgumentException naming the value and the offending character
     */
    public static String segment(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " name must not be empty (it becomes a segment of metric names)");
        }
        int dot = value.indexOf('.');
        if (dot >= 0) {
            throw new IllegalArgumentException(what + " name '" + value + "' has a '.' at position " + dot
                    + "; '.' separates the segments of metric names, use '-' or '_' instead");
        }
        if (!Topic.isValid(value)) {
            try {
                Topic.validate(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + " name '" + value + "' cannot be a metric name segment: "
                        + e.getMessage(), e);
            }
        }
        return value;
    }
}
