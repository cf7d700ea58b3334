package io.tributary.runtime.metrics;

import com.codahale.metrics.health.HealthCheck;

import java.util.function.BooleanSupplier;

/** Healthy while the transport says it is connected. */
final class TransportHealthCheck extends HealthCheck {
    private final String transport;
    private final BooleanSupplier connected;

    TransportHealthCheck(String transport, BooleanSupplier connected) {
        this.transport = transport;
        this.connected = connected;
    }

    @Override
    protected Result check() {
        return connected.getAsBoolean()
                ? Result.builder().healthy().withMessage(transport + " connected").withDetail("transport", transport).build()
                : Result.builder().unhealthy().withMessage(transport + " not connected").withDetail("transport", transport).build();
    }
}
