package io.tributary.runtime.metrics;

import io.tributary.schemas.Alert;
import io.tributary.schemas.AlertState;

import java.util.function.LongSupplier;

/**
 * The state of one rule on one metric: pending since when, raised under which id, and what the
 * RATE and UNCHANGED conditions need to remember between evaluations. Not thread-safe: the
 * evaluator serialises evaluations.
 */
final class RuleInstance {
    private static final long NONE = Long.MIN_VALUE;

    private final AlertRule rule;
    private final String metric;
    private final long forNanos;
    private String alertId;
    private long pendingSince = NONE;
    private double lastValue = Double.NaN;
    // UNCHANGED: the value last seen and when it last moved
    private boolean seen;
    private double watched;
    private long changedAt;
    // RATE: the previous sample
    private long previousAt = NONE;
    private double previous;

    RuleInstance(AlertRule rule, String metric) {
        this.rule = rule;
        this.metric = metric;
        this.forNanos = rule.forDuration().toNanos();
    }

    AlertRule rule() {
        return rule;
    }

    String metric() {
        return metric;
    }

    boolean raised() {
        return alertId != null;
    }

    /**
     * Feeds one reading (NaN = no data, which changes nothing) and returns the RAISED or RESOLVED
     * alert it causes, or null.
     */
    Alert step(double reading, long now, LongSupplier episodes) {
        if (Double.isNaN(reading)) {
            return null;
        }
        boolean holds;
        double value;
        if (rule.condition() == AlertCondition.UNCHANGED) {
            if (!seen || reading != watched) {
                seen = true;
                watched = reading;
                changedAt = now;
            }
            value = (now - changedAt) / 1e9;
            holds = now - changedAt >= forNanos;
        } else {
            if (rule.stat() == AlertStat.RATE) {
                long before = previousAt;
                double previousReading = previous;
                previousAt = now;
                previous = reading;
                if (before == NONE || now <= before) {
                    return null;
                }
                value = (reading - previousReading) * 1e9 / (now - before);
            } else {
                value = reading;
            }
            boolean met = rule.condition().compare(value, rule.threshold());
            if (!met) {
                pendingSince = NONE;
            } else if (pendingSince == NONE) {
                pendingSince = now;
            }
            holds = met && now - pendingSince >= forNanos;
            if (met && !holds) {
                lastValue = value;
                return null; // pending: neither raised nor, if raised before, resolved
            }
        }
        lastValue = value;
        if (holds && alertId == null) {
            alertId = rule.name() + "/" + metric + "/" + episodes.getAsLong();
            return alert(AlertState.RAISED, value, now, raisedText(value));
        }
        if (!holds && alertId != null) {
            Alert resolved = alert(AlertState.RESOLVED, value, now, resolvedText(value));
            alertId = null;
            return resolved;
        }
        return null;
    }

    /** The metric left the registry: resolves a raised alert, else null. */
    Alert gone(long now) {
        if (alertId == null) {
            return null;
        }
        Alert resolved = alert(AlertState.RESOLVED, lastValue, now, prefix() + metric + " is no longer registered");
        alertId = null;
        return resolved;
    }

    private Alert alert(AlertState state, double value, long now, String message) {
        double threshold = rule.condition() == AlertCondition.UNCHANGED ? forNanos / 1e9 : rule.threshold();
        return new Alert(alertId, rule.severity(), state, rule.name(), metric, value, threshold, message, now);
    }

    private String raisedText(double value) {
        if (rule.condition() == AlertCondition.UNCHANGED) {
            return prefix() + metric + " has not changed for " + NanoFormat.number(value) + "s (limit "
                    + NanoFormat.number(forNanos / 1e9) + "s)";
        }
        return prefix() + subject() + " = " + NanoFormat.number(value) + " " + rule.condition().symbol() + " "
                + NanoFormat.number(rule.threshold()) + (forNanos > 0 ? " for " + rule.forDuration() : "");
    }

    private String resolvedText(double value) {
        if (rule.condition() == AlertCondition.UNCHANGED) {
            return prefix() + metric + " is moving again";
        }
        return prefix() + subject() + " back to " + NanoFormat.number(value) + " (limit "
                + rule.condition().symbol() + " " + NanoFormat.number(rule.threshold()) + ")";
    }

    private String subject() {
        return rule.stat() == AlertStat.VALUE ? metric : rule.stat().configName() + " of " + metric;
    }

    private String prefix() {
        return rule.description().isEmpty() ? rule.name() + ": " : rule.name() + ": " + rule.description() + ": ";
    }
}
