package io.tributary.runtime.metrics;

import com.codahale.metrics.health.HealthCheck;

import java.util.function.Supplier;

/** Healthy while the transport names no trouble; unhealthy with the trouble as its message. */
final class TransportHealthCheck extends HealthCheck {
    private final String transport;
    private final Supplier<String> trouble;

    TransportHealthCheck(String transport, Supplier<String> trouble) {
        this.transport = transport;
        this.trouble = trouble;
    }

    @Override
    protected Result check() {
        String now = trouble.get();
        return now == null
                ? Result.builder().healthy().withMessage(transport + " connected").withDetail("transport", transport).build()
                : Result.builder().unhealthy().withMessage(now).withDetail("transport", transport).build();
    }
}
