package io.tributary.runtime.metrics;

import com.codahale.metrics.health.HealthCheck;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** Healthy while no plugin failed to load; lists the loaded ones and why the others failed. */
final class PluginHealthCheck extends HealthCheck {
    private final Set<String> loaded = new ConcurrentSkipListSet<>();
    private final Map<String, String> failed = new ConcurrentHashMap<>();

    void loaded(String plugin) {
        failed.remove(plugin);
        loaded.add(plugin);
    }

    void failed(String plugin, String cause) {
        loaded.remove(plugin);
        failed.put(plugin, cause);
    }

    @Override
    protected Result check() {
        Map<String, String> failures = new TreeMap<>(failed);
        ResultBuilder result = failures.isEmpty() ? Result.builder().healthy() : Result.builder().unhealthy();
        String message = failures.isEmpty()
                ? loaded.size() + " plugin(s) loaded"
                : failures.size() + " plugin(s) failed to load: " + failures;
        return result.withMessage(message)
                .withDetail("loaded", java.util.List.copyOf(loaded))
                .withDetail("failed", failures)
                .build();
    }
}
