package io.tributary.runtime.metrics;

import com.codahale.metrics.Counting;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metered;
import com.codahale.metrics.Metric;
import com.codahale.metrics.Sampling;
import com.codahale.metrics.Snapshot;

/**
 * Reads the number an {@link AlertStat} names from a Dropwizard metric. {@link AlertStat#RATE} is
 * built by the caller from successive {@link AlertStat#VALUE} reads. NaN when the metric has no
 * such number (a percentile of a gauge, a gauge that is not a number).
 */
final class MetricReader {
    private MetricReader() {
    }

    static double read(Metric metric, AlertStat stat) {
        return switch (stat) {
            case VALUE, RATE -> value(metric);
            case COUNT -> metric instanceof Counting c ? c.getCount() : Double.NaN;
            case M1_RATE -> metric instanceof Metered m ? m.getOneMinuteRate() : Double.NaN;
            case P50 -> snapshot(metric, Snapshot::getMedian);
            case P99 -> snapshot(metric, Snapshot::get99thPercentile);
            case P999 -> snapshot(metric, Snapshot::get999thPercentile);
            case MAX -> snapshot(metric, s -> s.getMax());
            case MEAN -> snapshot(metric, Snapshot::getMean);
        };
    }

    private static double value(Metric metric) {
        if (metric instanceof Gauge<?> g) {
            Object v = g.getValue();
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            if (v instanceof Boolean b) {
                return b ? 1 : 0;
            }
            return Double.NaN;
        }
        if (metric instanceof Counting c) {
            return c.getCount();
        }
        return Double.NaN;
    }

    private static double snapshot(Metric metric, java.util.function.ToDoubleFunction<Snapshot> stat) {
        return metric instanceof Sampling s ? stat.applyAsDouble(s.getSnapshot()) : Double.NaN;
    }
}
