package io.tributary.runtime.cli;

import io.tributary.api.Priority;
import io.tributary.runtime.exec.LaneStats;

import io.tributary.runtime.metrics.NanoFormat;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The closing report of {@code run}: per-lane totals and rates, waits, losses, and the plan's counters. */
final class RunSummary {
    private RunSummary() {
    }

    /** Plan counters, then the transport's. */
    static Map<String, Long> merge(Map<String, Long> plan, Map<String, Long> transport) {
        Map<String, Long> out = new java.util.LinkedHashMap<>(plan);
        out.putAll(transport);
        return out;
    }

    static String format(String topology, String transport, long elapsedNanos, Function<Priority, LaneStats> stats, int workers,
                         Map<String, Long> pluginFailures, Map<String, Long> planCounters,
                         Map<String, Long> outputs, boolean drained) {
        double seconds = Math.max(1e-9, elapsedNanos / 1e9);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Summary: %s ran %.1fs on %s; %d worker(s) before shutdown; lanes %s%n",
                topology, seconds, transport, workers, drained ? "drained" : "NOT drained"));
        b.append(String.format(Locale.ROOT, "  %-8s %12s %9s %9s %9s %9s %9s %9s %9s%n", "lane", "delivered", "msg/s",
                "p50 wait", "p99 wait", "max wait", "dropped", "conflated", "rejected"));
        long total = 0;
        for (Priority lane : Priority.values()) {
            LaneStats s = stats.apply(lane);
            total += s.delivered();
            b.append(String.format(Locale.ROOT, "  %-8s %12d %9s %9s %9s %9s %9d %9d %9d%n", lane, s.delivered(),
                    NanoFormat.count(s.delivered() / seconds), NanoFormat.nanos(s.p50WaitNanos()),
                    NanoFormat.nanos(s.p99WaitNanos()), NanoFormat.nanos(s.maxWaitNanos()), s.dropped(), s.conflated(),
                    s.rejected()));
        }
        b.append(String.format(Locale.ROOT, "  %-8s %12d %9s%n", "total", total, NanoFormat.count(total / seconds)));
        if (!outputs.isEmpty()) {
            b.append("  outputs:");
            outputs.forEach((topic, value) -> b.append(' ').append(topic).append('=').append(value));
            b.append(System.lineSeparator());
        }
        if (!pluginFailures.isEmpty()) {
            b.append("  plugin failures:");
            pluginFailures.forEach((name, value) -> b.append(' ').append(name).append('=').append(value));
            b.append(System.lineSeparator());
        }
        if (!planCounters.isEmpty()) {
            b.append("  plan:");
            planCounters.forEach((name, value) -> b.append(' ').append(name).append('=').append(value));
            b.append(System.lineSeparator());
        }
        return b.toString();
    }
}
