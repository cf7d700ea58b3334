package io.tributary.runtime.metrics;

import io.tributary.api.Priority;
import io.tributary.runtime.exec.ExecutorConfig;
import io.tributary.schemas.AlertSeverity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The rules every runtime starts with (configuration can change or disable each by name, see
 * {@link AlertRules#merge}):
 * <table>
 *   <caption>default rules</caption>
 *   <tr><th>name</th><th>rule</th><th>severity</th></tr>
 *   <tr><td>lane-wait-&lt;lane&gt;</td><td>{@code tributary.lane.<lane>.wait.current > maxWait(lane)} for
 *       {@code laneWaitFor} (HIGH, NORMAL, LOW)</td><td>warning</td></tr>
 *   <tr><td>drops-critical, drops-high</td><td>{@code rate(tributary.lane.<lane>.dropped) > 0}</td>
 *       <td>critical</td></tr>
 *   <tr><td>rejects-critical, rejects-high</td><td>{@code rate(tributary.lane.<lane>.rejected) > 0}</td>
 *       <td>critical</td></tr>
 *   <tr><td>handler-errors</td><td>{@code rate(tributary.bus.handler-errors) > 0}</td><td>warning</td></tr>
 *   <tr><td>transport-lag</td><td>{@code tributary.transport.*.**.lag > maxLag} for {@code lagFor}</td>
 *       <td>warning</td></tr>
 *   <tr><td>silent-&lt;topology&gt;-&lt;node&gt;</td><td>{@code tributary.<topology>.<node>.in} unchanged
 *       for {@code silentAfter}, per source</td><td>warning</td></tr>
 * </table>
 * The lane-wait rules watch the current-wait estimate rather than the executor's p99, which covers
 * the executor's whole life and would never resolve after one bad minute.
 */
public final class DefaultAlertRules {
    private final ExecutorConfig executor;
    private final List<String> sourceMeters = new ArrayList<>();
    private Duration laneWaitFor = Duration.ofSeconds(5);
    private long maxLag = 10_000;
    private Duration lagFor = Duration.ofSeconds(30);
    private Duration silentAfter = Duration.ofSeconds(30);

    private DefaultAlertRules(ExecutorConfig executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Defaults for the lanes of {@code executor} (their maxWait bounds become the wait thresholds). */
    public static DefaultAlertRules forExecutor(ExecutorConfig executor) {
        return new DefaultAlertRules(executor);
    }

    /** How long a lane's wait must stay over its bound before lane-wait alerts. Default 5s. */
    public DefaultAlertRules laneWaitFor(Duration value) {
        laneWaitFor = nonNegative("laneWaitFor", value);
        return this;
    }

    /** Consumer lag (messages) above which transport-lag alerts. Default 10000. */
    public DefaultAlertRules maxLag(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("maxLag must be >= 0, was " + value);
        }
        maxLag = value;
        return this;
    }

    /** How long lag must stay high. Default 30s. */
    public DefaultAlertRules lagFor(Duration value) {
        lagFor = nonNegative("lagFor", value);
        return this;
    }

    /** How long a source may go without messages before it counts as silent. Default 30s; must be > 0. */
    public DefaultAlertRules silentAfter(Duration value) {
        silentAfter = nonNegative("silentAfter", value);
        if (value.isZero()) {
            throw new IllegalArgumentException("silentAfter must be > 0");
        }
        return this;
    }

    /** Watches these {@code .in} meters for silence (see {@link TributaryMetrics#sourceMeters()}). */
    public DefaultAlertRules sources(Collection<String> inMeters) {
        sourceMeters.addAll(inMeters);
        return this;
    }

    /** Watches one source node for silence. */
    public DefaultAlertRules source(String topology, String node) {
        sourceMeters.add(MetricNames.node(topology, node, MetricNames.IN));
        return this;
    }

    public List<AlertRule> build() {
        List<AlertRule> rules = new ArrayList<>();
        for (Priority lane : Priority.values()) {
            Duration bound = executor.maxWait(lane);
            if (bound != null) {
                rules.add(AlertRule.builder("lane-wait-" + MetricNames.laneName(lane))
                        .metric(MetricNames.lane(lane, MetricNames.WAIT_CURRENT))
                        .above(bound.toNanos())
                        .forDuration(laneWaitFor)
                        .severity(AlertSeverity.WARNING)
                        .description(lane + " lane messages wait longer than its bound " + NanoFormat.nanos(bound.toNanos()))
                        .build());
            }
        }
        for (Priority lane : List.of(Priority.CRITICAL, Priority.HIGH)) {
            rules.add(AlertRule.builder("drops-" + MetricNames.laneName(lane))
                    .metric(MetricNames.lane(lane, MetricNames.DROPPED))
                    .stat(AlertStat.RATE).above(0)
                    .severity(AlertSeverity.CRITICAL)
                    .description(lane + " lane is dropping messages")
                    .build());
            rules.add(AlertRule.builder("rejects-" + MetricNames.laneName(lane))
                    .metric(MetricNames.lane(lane, MetricNames.REJECTED))
                    .stat(AlertStat.RATE).above(0)
                    .severity(AlertSeverity.CRITICAL)
                    .description(lane + " lane is rejecting messages")
                    .build());
        }
        rules.add(AlertRule.builder("handler-errors")
                .metric(MetricNames.HANDLER_ERRORS)
                .stat(AlertStat.RATE).above(0)
                .severity(AlertSeverity.WARNING)
                .description("handlers are throwing (see the dead-letter topic)")
                .build());
        rules.add(AlertRule.builder("transport-lag")
                .metric(MetricNames.PREFIX + ".transport.*.**.lag")
                .above(maxLag)
                .forDuration(lagFor)
                .severity(AlertSeverity.WARNING)
                .description("a consumer is falling behind")
                .build());
        for (String meter : sourceMeters) {
            String[] parts = meter.split("\\.");
            String name = parts.length == 4 ? "silent-" + parts[1] + "-" + parts[2] : "silent-" + meter;
            rules.add(AlertRule.builder(name)
                    .metric(meter)
                    .unchangedFor(silentAfter)
                    .severity(AlertSeverity.WARNING)
                    .description("no messages from this source")
                    .build());
        }
        return rules;
    }

    private static Duration nonNegative(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value);
        }
        return value;
    }
}
