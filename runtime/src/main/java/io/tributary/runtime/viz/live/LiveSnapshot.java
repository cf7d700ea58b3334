package io.tributary.runtime.viz.live;

import java.util.List;
import java.util.Map;

/**
 * What the live page shows at one instant, sent as JSON on every {@code snapshot} server-sent event
 * and by {@code GET /api/snapshot}. Counts are totals since the runtime started; rates are per second
 * over the interval since the previous snapshot; times are in nanoseconds.
 *
 * @param topology      the topology's name
 * @param sequence      1 for the first snapshot, then one more each time
 * @param epochMillis   wall-clock time of the snapshot
 * @param uptimeSeconds seconds since the live view started
 * @param nodes         every topology node, in id order
 * @param lanes         the four lanes, CRITICAL first
 * @param totals        runtime-wide counts
 * @param alerts        alerts raised and not yet resolved, oldest first
 */
public record LiveSnapshot(String topology, long sequence, long epochMillis, double uptimeSeconds, List<Node> nodes,
                           List<Lane> lanes, Totals totals, List<OpenAlert> alerts) {

    public LiveSnapshot {
        nodes = List.copyOf(nodes);
        lanes = List.copyOf(lanes);
        alerts = List.copyOf(alerts);
    }

    /**
     * One topology node. The engine meters stages (a source or repartition subscription and the
     * operators fused behind it), so only a stage's entry node ({@code metered}) carries the
     * in/out/errors counts and rates; the other nodes name their stage.
     *
     * @param name      the node name
     * @param id        its element id in the SVG ({@code node-<name>})
     * @param stage     the stage that runs the node, or null if none does (a node the plan dropped)
     * @param metered   true for a stage's entry node: the counts below are the stage's
     * @param in        messages taken by the stage
     * @param out       messages the stage finished
     * @param errors    messages the stage failed on
     * @param inRate    messages taken per second
     * @param outRate   messages finished per second
     * @param latencyP99Nanos p99 of publish → stage latency (sampled), 0 when not metered
     * @param events    the node's own event counts: conflated, throttled, late, windows-emitted…
     */
    public record Node(String name, String id, String stage, boolean metered, long in, long out, long errors,
                       double inRate, double outRate, long latencyP99Nanos, Map<String, Long> events) {
        public Node {
            events = Map.copyOf(events);
        }
    }

    /**
     * One priority lane of the executor.
     *
     * @param lane          CRITICAL, HIGH, NORMAL or LOW
     * @param depth         messages waiting now
     * @param waitP99Nanos  p99 time a message waited in the lane before delivery, since start
     * @param waitMaxNanos  longest wait since start
     * @param deliveredRate deliveries per second
     */
    public record Lane(String lane, long depth, long waitP99Nanos, long waitMaxNanos, long enqueued, long delivered,
                       double deliveredRate, long dropped, long conflated, long rejected, long failed) {
    }

    /**
     * @param dropped       over all lanes
     * @param conflated     over all lanes
     * @param rejected      over all lanes
     * @param handlerErrors exceptions thrown by handlers
     * @param deadLetters   messages sent to the dead-letter topic
     * @param workers       worker threads running now
     */
    public record Totals(long dropped, long conflated, long rejected, long handlerErrors, long deadLetters,
                         long workers) {
    }

    /**
     * An alert raised and not resolved, as published on {@code alerts.<severity>}.
     *
     * @param raisedAtNanos the alert's event time, ns since the epoch
     */
    public record OpenAlert(String id, String severity, String rule, String metric, double value, double threshold,
                            String message, long raisedAtNanos) {
    }
}
