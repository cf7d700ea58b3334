package io.tributary.runtime.metrics;

import com.codahale.metrics.health.HealthCheck;

import java.util.function.LongSupplier;

/** Healthy while a consumer's lag (messages behind the head of its source) is at most a bound. */
final class LagHealthCheck extends HealthCheck {
    private final String transport;
    private final String source;
    private final LongSupplier lag;
    private final long maxHealthyLag;

    LagHealthCheck(String transport, String source, LongSupplier lag, long maxHealthyLag) {
        this.transport = transport;
        this.source = source;
        this.lag = lag;
        this.maxHealthyLag = maxHealthyLag;
    }

    @Override
    protected Result check() {
        long value = lag.getAsLong();
        boolean ok = value <= maxHealthyLag;
        String message = transport + " consumer of " + source + " is " + value + " behind ("
                + (ok ? "within" : "over") + " the bound " + maxHealthyLag + ")";
        return (ok ? Result.builder().healthy() : Result.builder().unhealthy()).withMessage(message)
                .withDetail("transport", transport)
                .withDetail("source", source)
                .withDetail("lag", value)
                .withDetail("maxHealthyLag", maxHealthyLag)
                .build();
    }
}
