package io.tributary.runtime.metrics;

import io.tributary.api.TopicPattern;
import io.tributary.schemas.AlertSeverity;

import java.time.Duration;
import java.util.Objects;

/**
 * One alert rule: when the selected number of every metric matching {@link #metric()} satisfies the
 * condition for {@link #forDuration()}, the {@link AlertEvaluator} raises an alert; when it stops
 * holding, the alert is resolved. Immutable; build with {@link #builder(String)}, or read from
 * configuration with {@link AlertRules#fromConfig}.
 *
 * <p>{@link #metric()} is a topic pattern over metric names ({@code tributary.lane.*.dropped},
 * {@code tributary.transport.**}); each matching metric is its own alert, with its own id.
 */
public final class AlertRule {
    private final String name;
    private final String metric;
    private final TopicPattern pattern;
    private final AlertStat stat;
    private final AlertCondition condition;
    private final double threshold;
    private final Duration forDuration;
    private final AlertSeverity severity;
    private final String description;
    private final boolean enabled;

    private AlertRule(Builder b) {
        this.name = b.name;
        this.metric = b.metric;
        this.pattern = b.pattern;
        this.stat = b.stat;
        this.condition = b.condition;
        this.threshold = b.threshold;
        this.forDuration = b.forDuration;
        this.severity = b.severity;
        this.description = b.description;
        this.enabled = b.enabled;
    }

    /** A builder for a rule with this name (unique within a rule set). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public String name() {
        return name;
    }

    /** The metric-name pattern as written. */
    public String metric() {
        return metric;
    }

    TopicPattern pattern() {
        return pattern;
    }

    public AlertStat stat() {
        return stat;
    }

    public AlertCondition condition() {
        return condition;
    }

    /** The threshold; NaN for {@link AlertCondition#UNCHANGED}. */
    public double threshold() {
        return threshold;
    }

    /**
     * How long the condition must hold before the alert is raised; for
     * {@link AlertCondition#UNCHANGED}, how long the value must stand still.
     */
    public Duration forDuration() {
        return forDuration;
    }

    public AlertSeverity severity() {
        return severity;
    }

    /** Optional text put in front of the alert messages; may be empty. */
    public String description() {
        return description;
    }

    /** A disabled rule removes a rule of the same name when rule sets are merged ({@link AlertRules#merge}). */
    public boolean enabled() {
        return enabled;
    }

    /** {@code p99(tributary.lane.*.wait.current) > 2.0E7 for PT5S}. */
    public String expression() {
        String subject = stat == AlertStat.VALUE ? metric : stat.configName() + "(" + metric + ")";
        if (condition == AlertCondition.UNCHANGED) {
            return subject + " unchanged for " + forDuration;
        }
        return subject + " " + condition.symbol() + " " + NanoFormat.number(threshold)
                + (forDuration.isZero() ? "" : " for " + forDuration);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertRule r && r.name.equals(name) && r.metric.equals(metric) && r.stat == stat
                && r.condition == condition && Double.compare(r.threshold, threshold) == 0
                && r.forDuration.equals(forDuration) && r.severity == severity
                && r.description.equals(description) && r.enabled == enabled;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, metric, stat, condition, threshold, forDuration, severity, description, enabled);
    }

    @Override
    public String toString() {
        return "AlertRule[" + name + ": " + expression() + ", " + severity + (enabled ? "" : ", disabled") + "]";
    }

    /** Mutable builder; {@link #build()} checks the rule. Defaults: stat VALUE, for 0s, severity WARNING, enabled. */
    public static final class Builder {
        private final String name;
        private String metric;
        private TopicPattern pattern;
        private AlertStat stat = AlertStat.VALUE;
        private AlertCondition condition;
        private double threshold = Double.NaN;
        private Duration forDuration = Duration.ZERO;
        private AlertSeverity severity = AlertSeverity.WARNING;
        private String description = "";
        private boolean enabled = true;

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("alert rule name must not be blank");
            }
            this.name = name;
        }

        private Builder(AlertRule r) {
            this.name = r.name;
            this.metric = r.metric;
            this.pattern = r.pattern;
            this.stat = r.stat;
            this.condition = r.condition;
            this.threshold = r.threshold;
            this.forDuration = r.forDuration;
            this.severity = r.severity;
            this.description = r.description;
            this.enabled = r.enabled;
        }

        /**
         * The metrics to watch: a topic pattern over metric names.
         *
         * @throws io.tributary.api.InvalidPatternException naming the offending position
         */
        public Builder metric(String value) {
            pattern = TopicPattern.parse(value);
            metric = value;
            return this;
        }

        public Builder stat(AlertStat value) {
            stat = Objects.requireNonNull(value, "stat");
            return this;
        }

        /** Sets the condition and threshold; see {@link #unchangedFor(Duration)} for silence. */
        public Builder when(AlertCondition value, double threshold) {
            Objects.requireNonNull(value, "condition");
            if (value == AlertCondition.UNCHANGED) {
                throw new IllegalArgumentException("rule " + name + ": 'unchanged' takes no threshold; use unchangedFor(duration)");
            }
            if (Double.isNaN(threshold)) {
                throw new IllegalArgumentException("rule " + name + ": threshold must be a number, was NaN");
            }
            this.condition = value;
            this.threshold = threshold;
            return this;
        }

        /** Shorthands of {@link #when}. */
        public Builder above(double threshold) {
            return when(AlertCondition.GT, threshold);
        }

        public Builder below(double threshold) {
            return when(AlertCondition.LT, threshold);
        }

        /** Raised when the value has not changed for {@code duration} (> 0). */
        public Builder unchangedFor(Duration duration) {
            condition = AlertCondition.UNCHANGED;
            threshold = Double.NaN;
            return forDuration(duration);
        }

        /** How long the condition must hold before the alert is raised. Default 0: at the first evaluation that sees it. */
        public Builder forDuration(Duration value) {
            Objects.requireNonNull(value, "for");
            if (value.isNegative()) {
                throw new IllegalArgumentException("rule " + name + ": for must be >= 0, was " + value);
            }
            forDuration = value;
            return this;
        }

        public Builder severity(AlertSeverity value) {
            severity = Objects.requireNonNull(value, "severity");
            return this;
        }

        public Builder description(String value) {
            description = value == null ? "" : value;
            return this;
        }

        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the rule and what is missing */
        public AlertRule build() {
            if (!enabled && metric == null) {
                // a bare "disabled" entry only switches off a rule of that name
                return new AlertRule(this.metricIfAbsent());
            }
            if (metric == null) {
                throw new IllegalArgumentException("rule " + name + ": metric is missing");
            }
            if (condition == null) {
                throw new IllegalArgumentException("rule " + name + ": condition is missing");
            }
            if (condition == AlertCondition.UNCHANGED && forDuration.isZero()) {
                throw new IllegalArgumentException("rule " + name + ": 'unchanged' needs a for duration > 0");
            }
            return new AlertRule(this);
        }

        private Builder metricIfAbsent() {
            metric = "**";
            pattern = TopicPattern.parse(metric);
            if (condition == null) {
                condition = AlertCondition.GT;
                threshold = 0;
            }
            return this;
        }
    }
}
