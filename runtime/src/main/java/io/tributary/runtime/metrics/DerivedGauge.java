package io.tributary.runtime.metrics;

import com.codahale.metrics.Gauge;

import java.util.function.LongSupplier;

/**
 * A gauge over a value kept elsewhere. A named class rather than a lambda so that reporters which
 * print the metric's class (the Prometheus bridge puts it in HELP) show a stable name.
 */
final class DerivedGauge implements Gauge<Long> {
    private final LongSupplier value;

    DerivedGauge(LongSupplier value) {
        this.value = value;
    }

    @Override
    public Long getValue() {
        return value.getAsLong();
    }
}
