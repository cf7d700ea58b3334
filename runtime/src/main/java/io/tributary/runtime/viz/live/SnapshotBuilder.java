package io.tributary.runtime.viz.live;

import com.codahale.metrics.Counting;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import com.codahale.metrics.Sampling;
import io.tributary.api.Priority;
import io.tributary.api.graph.NodeDescription;
import io.tributary.runtime.metrics.MetricNames;
import io.tributary.runtime.plan.PhysicalPlan;
import io.tributary.runtime.plan.Stage;
import io.tributary.runtime.viz.VizGraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Reads one {@link LiveSnapshot} from the metric registry a running plan fills (stage meters
 * {@code tributary.<topology>.<stage>.*}, lane metrics {@code tributary.lane.<lane>.*}), the plan's
 * node counters and the open alerts. Rates are count differences over the time since the previous
 * snapshot (the first one: since this builder was made), so every page sees the same numbers. Not
 * thread-safe: one thread builds the snapshots.
 */
final class SnapshotBuilder {
    private static final Priority[] LANES = Priority.values();

    private final String topology;
    private final List<NodeDescription> nodes;
    private final Map<String, String> stageOf = new HashMap<>();
    private final Supplier<Map<String, Metric>> metrics;
    private final Supplier<Map<String, Long>> planCounters;
    private final AlertBoard alerts;
    private final long startNanos;
    private final Map<String, Long> previous = new HashMap<>();
    private long previousNanos;
    private long sequence;

    /**
     * @param metrics   the registry's metrics by name ({@code registry::getMetrics})
     * @param nowNanos  now, on the clock later passed to {@link #build}
     */
    SnapshotBuilder(PhysicalPlan plan, Supplier<Map<String, Metric>> metrics, AlertBoard alerts, long nowNanos) {
        this.topology = plan.name();
        this.nodes = plan.logical().nodes();
        for (Stage stage : plan.stages()) {
            for (String node : stage.nodes()) {
                stageOf.putIfAbsent(node, stage.name());
            }
        }
        this.metrics = metrics;
        this.planCounters = plan::counters;
        this.alerts = alerts;
        this.startNanos = nowNanos;
        this.previousNanos = nowNanos;
        Map<String, Metric> all = metrics.get();
        for (String name : rateSources()) {
            previous.put(name, count(all, name));
        }
    }

    /** The meters whose rates a snapshot shows. */
    private List<String> rateSources() {
        List<String> names = new ArrayList<>();
        for (NodeDescription node : nodes) {
            if (node.name().equals(stageOf.get(node.name()))) {
                names.add(MetricNames.node(topology, node.name(), MetricNames.IN));
                names.add(MetricNames.node(topology, node.name(), MetricNames.OUT));
            }
        }
        for (Priority lane : LANES) {
            names.add(MetricNames.lane(lane, MetricNames.DELIVERED));
        }
        return names;
    }

    /** The snapshot as of {@code nowNanos}; the next one measures its rates from here. */
    LiveSnapshot build(long nowNanos, long epochMillis) {
        Map<String, Metric> all = metrics.get();
        double seconds = Math.max(1e-9, (nowNanos - previousNanos) / 1e9);
        Map<String, Map<String, Long>> events = nodeEvents(planCounters.get());
        List<LiveSnapshot.Node> nodeViews = new ArrayList<>(nodes.size());
        for (NodeDescription node : nodes) {
            String stage = stageOf.get(node.name());
            Map<String, Long> own = events.getOrDefault(node.name(), Map.of());
            if (node.name().equals(stage)) {
                String in = MetricNames.node(topology, node.name(), MetricNames.IN);
                String out = MetricNames.node(topology, node.name(), MetricNames.OUT);
                long inCount = count(all, in);
                long outCount = count(all, out);
                nodeViews.add(new LiveSnapshot.Node(node.name(), VizGraph.elementId(node.name()), stage, true, inCount,
                        outCount, count(all, MetricNames.node(topology, node.name(), MetricNames.ERRORS)),
                        rate(in, inCount, seconds), rate(out, outCount, seconds),
                        p99(all.get(MetricNames.node(topology, node.name(), MetricNames.LATENCY))), own));
            } else {
                nodeViews.add(new LiveSnapshot.Node(node.name(), VizGraph.elementId(node.name()), stage, false,
                        0, 0, 0, 0, 0, 0, own));
            }
        }
        List<LiveSnapshot.Lane> lanes = new ArrayList<>(LANES.length);
        long dropped = 0;
        long conflated = 0;
        long rejected = 0;
        for (Priority lane : LANES) {
            String deliveredName = MetricNames.lane(lane, MetricNames.DELIVERED);
            long delivered = count(all, deliveredName);
            LiveSnapshot.Lane view = new LiveSnapshot.Lane(lane.name(),
                    gauge(all, MetricNames.lane(lane, MetricNames.DEPTH)),
                    gauge(all, MetricNames.lane(lane, MetricNames.WAIT_P99)),
                    gauge(all, MetricNames.lane(lane, MetricNames.WAIT_MAX)),
                    count(all, MetricNames.lane(lane, MetricNames.ENQUEUED)), delivered,
                    rate(deliveredName, delivered, seconds),
                    count(all, MetricNames.lane(lane, MetricNames.DROPPED)),
                    count(all, MetricNames.lane(lane, MetricNames.CONFLATED)),
                    count(all, MetricNames.lane(lane, MetricNames.REJECTED)),
                    count(all, MetricNames.lane(lane, MetricNames.FAILED)));
            dropped += view.dropped();
            conflated += view.conflated();
            rejected += view.rejected();
            lanes.add(view);
        }
        LiveSnapshot.Totals totals = new LiveSnapshot.Totals(dropped, conflated, rejected,
                count(all, MetricNames.HANDLER_ERRORS), count(all, MetricNames.DEAD_LETTERS),
                gauge(all, MetricNames.WORKERS));
        previousNanos = nowNanos;
        return new LiveSnapshot(topology, ++sequence, epochMillis, (nowNanos - startNanos) / 1e9, nodeViews, lanes,
                totals, alerts.open());
    }

    /** Count per second since the previous snapshot; remembers {@code count} for the next one. */
    private double rate(String name, long count, double seconds) {
        Long before = previous.put(name, count);
        return (count - (before == null ? 0 : before)) / seconds;
    }

    /** {@code <node>.<event>} counters of the plan, grouped by node (node names have no dots). */
    private static Map<String, Map<String, Long>> nodeEvents(Map<String, Long> counters) {
        Map<String, Map<String, Long>> byNode = new LinkedHashMap<>();
        counters.forEach((name, value) -> {
            int dot = name.indexOf('.');
            if (dot > 0) {
                byNode.computeIfAbsent(name.substring(0, dot), n -> new TreeMap<>()).merge(name.substring(dot + 1),
                        value, Long::sum);
            }
        });
        return byNode;
    }

    private static long count(Map<String, Metric> all, String name) {
        return all.get(name) instanceof Counting c ? c.getCount() : 0;
    }

    private static long gauge(Map<String, Metric> all, String name) {
        if (all.get(name) instanceof Gauge<?> g && g.getValue() instanceof Number n) {
            return n.longValue();
        }
        return 0;
    }

    private static long p99(Metric metric) {
        return metric instanceof Sampling s ? (long) s.getSnapshot().get99thPercentile() : 0;
    }
}
