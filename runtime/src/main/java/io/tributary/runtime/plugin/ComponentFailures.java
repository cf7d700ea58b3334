package io.tributary.runtime.plugin;

import io.tributary.api.spi.ComponentKind;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many exceptions each plugin component has thrown at run time (caught and counted by the
 * runtime's wrappers, see {@link LoadedPlugins}). Read by metrics and {@code tributary plugins}.
 */
public final class ComponentFailures {

    private final Map<String, FailureCounter> byComponent;

    ComponentFailures(Map<String, FailureCounter> byComponent) {
        this.byComponent = byComponent;
    }

    /** Failures of one component so far; 0 for an unknown name. */
    public long count(ComponentKind kind, String name) {
        FailureCounter counter = byComponent.get(kind.describe(name));
        return counter == null ? 0 : counter.count();
    }

    public long total() {
        long total = 0;
        for (FailureCounter counter : byComponent.values()) {
            total += counter.count();
        }
        return total;
    }

    /** Non-zero counts by component label ({@code venue 'sim'}), sorted. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        byComponent.forEach((label, counter) -> {
            long n = counter.count();
            if (n > 0) {
                out.put(label, n);
            }
        });
        return out;
    }
}
