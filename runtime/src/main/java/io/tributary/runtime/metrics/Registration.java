package io.tributary.runtime.metrics;

import java.util.List;

/**
 * Undoes one registration (a lag gauge, a transport's health check): call {@link #close()} when the
 * transport or consumer goes away. Closing twice is harmless.
 */
@FunctionalInterface
public interface Registration extends AutoCloseable {
    @Override
    void close();

    /** One registration that undoes {@code parts} in reverse order. */
    static Registration all(List<Registration> parts) {
        List<Registration> copy = List.copyOf(parts);
        return () -> {
            for (int i = copy.size() - 1; i >= 0; i--) {
                copy.get(i).close();
            }
        };
    }
}
