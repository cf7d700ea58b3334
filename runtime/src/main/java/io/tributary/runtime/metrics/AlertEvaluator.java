package io.tributary.runtime.metrics;

import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import io.tributary.api.EpochClock;
import io.tributary.api.MessageBus;
import io.tributary.api.Priority;
import io.tributary.api.Topic;
import io.tributary.schemas.Alert;
import io.tributary.schemas.AlertState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates {@link AlertRule}s against a {@link MetricRegistry}, on a schedule ({@link #start}) or on
 * demand ({@link #evaluate}). Each state change is logged and published on the bus as an
 * {@link Alert} record on topic {@code alerts.<severity>} ({@code alerts.critical},
 * {@code alerts.warning}, {@code alerts.info}), keyed by its alert id so the RAISED and RESOLVED of
 * one episode stay in order.
 *
 * <p>Time comes from the injected {@link EpochClock}: tests drive it by hand and call
 * {@link #evaluate()}. Evaluations are serialised; rules may be added while running.
 */
public final class AlertEvaluator implements AutoCloseable {
    /** Default topic prefix: alerts go to {@code alerts.<severity>}. */
    public static final String TOPIC_PREFIX = "alerts";

    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);

    private final MetricRegistry registry;
    private final MessageBus bus;
    private final EpochClock clock;
    private final Priority priority;
    private final String topicPrefix;
    private final Map<String, AlertRule> rules = new LinkedHashMap<>();
    private final Map<String, RuleInstance> instances = new LinkedHashMap<>();
    private long episodes;
    private ScheduledExecutorService scheduler;

    private AlertEvaluator(Builder b) {
        this.registry = b.registry;
        this.bus = b.bus;
        this.clock = b.clock;
        this.priority = b.priority;
        this.topicPrefix = b.topicPrefix;
        for (AlertRule rule : b.rules) {
            addRule(rule);
        }
    }

    /**
     * @param bus where alerts are published; null to only log them (and return them from
     *            {@link #evaluate()})
     */
    public static Builder builder(MetricRegistry registry, MessageBus bus) {
        return new Builder(registry, bus);
    }

    /** Adds a rule, or replaces the rule of the same name (resolving its raised alerts). Disabled rules are ignored. */
    public synchronized void addRule(AlertRule rule) {
        Objects.requireNonNull(rule, "rule");
        List<Alert> resolved = new ArrayList<>();
        if (rules.remove(rule.name()) != null) {
            long now = clock.nowNanos();
            for (Iterator<RuleInstance> it = instances.values().iterator(); it.hasNext(); ) {
                RuleInstance instance = it.next();
                if (instance.rule().name().equals(rule.name())) {
                    add(resolved, instance.gone(now));
                    it.remove();
                }
            }
        }
        if (rule.enabled()) {
            rules.put(rule.name(), rule);
        }
        resolved.forEach(this::emit);
    }

    /** The rules in force, in the order added. */
    public synchronized List<AlertRule> rules() {
        return List.copyOf(rules.values());
    }

    /**
     * One pass over every rule and every metric its pattern matches (in name order).
     *
     * @return the alerts raised or resolved by this pass, also logged and published
     */
    public synchronized List<Alert> evaluate() {
        long now = clock.nowNanos();
        Map<String, Metric> metrics = new TreeMap<>(registry.getMetrics());
        List<Alert> events = new ArrayList<>();
        for (AlertRule rule : rules.values()) {
            for (Map.Entry<String, Metric> e : matching(rule, metrics).entrySet()) {
                String key = rule.name() + '\n' + e.getKey();
                RuleInstance instance = instances.computeIfAbsent(key, k -> new RuleInstance(rule, e.getKey()));
                double reading;
                try {
                    reading = MetricReader.read(e.getValue(), rule.stat());
                } catch (RuntimeException ex) {
                    LOG.warn("alert rule {}: reading {} failed: {}", rule.name(), e.getKey(), ex.toString());
                    continue;
                }
                add(events, instance.step(reading, now, () -> ++episodes));
            }
        }
        for (Iterator<RuleInstance> it = instances.values().iterator(); it.hasNext(); ) {
            RuleInstance instance = it.next();
            if (!metrics.containsKey(instance.metric())) {
                add(events, instance.gone(now));
                it.remove();
            }
        }
        events.forEach(this::emit);
        return events;
    }

    private static Map<String, Metric> matching(AlertRule rule, Map<String, Metric> metrics) {
        if (rule.pattern().isLiteral()) {
            Metric m = metrics.get(rule.metric());
            return m == null ? Map.of() : Map.of(rule.metric(), m);
        }
        Map<String, Metric> matched = new TreeMap<>();
        metrics.forEach((name, metric) -> {
            // names from other libraries need not be valid topics; those are never matched
            if (Topic.isValid(name) && rule.pattern().matches(name)) {
                matched.put(name, metric);
            }
        });
        return matched;
    }

    private static void add(List<Alert> events, Alert alert) {
        if (alert != null) {
            events.add(alert);
        }
    }

    /** Alerts raised and not yet resolved, as (rule, metric) pairs: {@code "drops-high tributary.lane.high.dropped"}. */
    public synchronized List<String> active() {
        List<String> active = new ArrayList<>();
        for (RuleInstance instance : instances.values()) {
            if (instance.raised()) {
                active.add(instance.rule().name() + " " + instance.metric());
            }
        }
        return active;
    }

    private void emit(Alert alert) {
        String text = "alert " + alert.getState() + " [" + alert.getSeverity() + "] " + alert.getMessage()
                + " (id " + alert.getAlertId() + ")";
        if (alert.getState() == AlertState.RESOLVED) {
            LOG.info(text);
        } else {
            switch (alert.getSeverity()) {
                case CRITICAL -> LOG.error(text);
                case WARNING -> LOG.warn(text);
                default -> LOG.info(text);
            }
        }
        if (bus != null) {
            String topic = topic(alert);
            try {
                bus.publish(topic, alert.getAlertId(), alert, priority);
            } catch (RuntimeException e) {
                LOG.warn("could not publish alert {} on {}: {}", alert.getAlertId(), topic, e.toString());
            }
        }
    }

    /** {@code alerts.<severity>} for this alert. */
    public String topic(Alert alert) {
        return topicPrefix + "." + alert.getSeverity().name().toLowerCase(Locale.ROOT);
    }

    /**
     * Evaluates every {@code period} on a daemon thread until {@link #close()}. An evaluation that
     * throws is logged; the schedule goes on.
     *
     * @throws IllegalStateException if already started
     */
    public synchronized void start(Duration period) {
        Objects.requireNonNull(period, "period");
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("alert evaluation period must be > 0, was " + period);
        }
        if (scheduler != null) {
            throw new IllegalStateException("alert evaluator already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tributary-alerts");
            t.setDaemon(true);
            return t;
        });
        long nanos = period.toNanos();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                evaluate();
            } catch (RuntimeException e) {
                LOG.error("alert evaluation failed", e);
            }
        }, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Stops the schedule (an evaluation in progress finishes). Raised alerts are not resolved. */
    @Override
    public void close() {
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
        }
        if (s != null) {
            s.shutdown();
            try {
                s.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Settings of an {@link AlertEvaluator}. */
    public static final class Builder {
        private final MetricRegistry registry;
        private final MessageBus bus;
        private final List<AlertRule> rules = new ArrayList<>();
        private EpochClock clock = EpochClock.SYSTEM;
        private Priority priority = Priority.HIGH;
        private String topicPrefix = TOPIC_PREFIX;

        private Builder(MetricRegistry registry, MessageBus bus) {
            this.registry = Objects.requireNonNull(registry, "registry");
            this.bus = bus;
        }

        public Builder rules(Collection<AlertRule> value) {
            rules.addAll(value);
            return this;
        }

        public Builder rule(AlertRule value) {
            rules.add(Objects.requireNonNull(value, "rule"));
            return this;
        }

        /** Default {@link EpochClock#SYSTEM}. */
        public Builder clock(EpochClock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Lane the alerts are published on. Default HIGH: ahead of normal traffic, but never competing
         * with CRITICAL order flow (whose lane may be the very one in trouble).
         */
        public Builder priority(Priority value) {
            priority = Objects.requireNonNull(value, "priority");
            return this;
        }

        /** Default {@value #TOPIC_PREFIX}. */
        public Builder topicPrefix(String value) {
            topicPrefix = Topic.validate(value);
            return this;
        }

        public AlertEvaluator build() {
            return new AlertEvaluator(this);
        }
    }
}
