package io.tributary.runtime.metrics;

import io.tributary.api.MessageBus;
import io.tributary.runtime.exec.PriorityExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Everything that reads a {@link TributaryMetrics} and runs in the background, started from one
 * {@link MetricsSettings}: reporters (JMX, console, CSV), the HTTP endpoint ({@code /metrics},
 * {@code /health}) and the {@link AlertEvaluator} (default rules, then configured ones). Start it
 * after {@link TributaryMetrics#bind} and after the sources are registered (the silent-venue rules
 * are made from {@link TributaryMetrics#sourceMeters()}); close it before the bus.
 */
public final class MetricsServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServices.class);

    private final MetricsReporters reporters;
    private final MetricsHttpServer http;
    private final AlertEvaluator alerts;

    private MetricsServices(MetricsReporters reporters, MetricsHttpServer http, AlertEvaluator alerts) {
        this.reporters = reporters;
        this.http = http;
        this.alerts = alerts;
    }

    /**
     * @param bus     where alerts are published (null: only logged)
     * @param console where the console reporter writes
     * @throws IllegalStateException if no executor is bound to {@code metrics}
     */
    public static MetricsServices start(MetricsSettings settings, TributaryMetrics metrics, MessageBus bus,
                                        PrintStream console) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(metrics, "metrics");
        PriorityExecutor executor = metrics.executor();
        if (executor == null) {
            throw new IllegalStateException("bind the bus (TributaryMetrics.bind) before starting the metrics services");
        }
        List<AutoCloseable> started = new ArrayList<>();
        try {
            MetricsReporters reporters = MetricsReporters.start(metrics.registry(), settings, console);
            started.add(reporters);
            MetricsHttpServer http = null;
            if (settings.http()) {
                http = MetricsHttpServer.start(metrics, settings.httpHost(), settings.httpPort());
                started.add(http);
            }
            AlertEvaluator alerts = null;
            if (settings.alerts()) {
                alerts = AlertEvaluator.builder(metrics.registry(), bus)
                        .clock(metrics.clock())
                        .rules(rules(settings, metrics, executor))
                        .build();
                alerts.start(settings.evaluateEvery());
                LOG.debug("alert rules: {}", alerts.rules());
            }
            return new MetricsServices(reporters, http, alerts);
        } catch (RuntimeException e) {
            for (AutoCloseable c : started) {
                closeQuietly(c);
            }
            throw e;
        }
    }

    /** Default rules for this executor and these sources, then the configured rules merged over them by name. */
    static List<AlertRule> rules(MetricsSettings settings, TributaryMetrics metrics, PriorityExecutor executor) {
        List<AlertRule> defaults = settings.defaultRules()
                ? DefaultAlertRules.forExecutor(executor.config())
                        .laneWaitFor(settings.laneWaitFor())
                        .maxLag(settings.maxLag())
                        .lagFor(settings.lagFor())
                        .silentAfter(settings.silentAfter())
                        .sources(new TreeSet<>(metrics.sourceMeters()))
                        .build()
                : List.of();
        return AlertRules.merge(defaults, settings.rules());
    }

    /** The HTTP endpoint, or null when off. */
    public MetricsHttpServer http() {
        return http;
    }

    /** The running evaluator, or null when alerts are off. */
    public AlertEvaluator alerts() {
        return alerts;
    }

    public MetricsReporters reporters() {
        return reporters;
    }

    /** Stops evaluation, the endpoint and the reporters. */
    @Override
    public void close() {
        if (alerts != null) {
            closeQuietly(alerts);
        }
        if (http != null) {
            closeQuietly(http);
        }
        closeQuietly(reporters);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("stopping {} failed", c, e);
        }
    }
}
