package io.tributary.runtime.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Undoes one registration (a lag gauge, a transport's health check): call {@link #close()} when the
 * transport or consumer goes away. Closing twice is harmless.
 */
@FunctionalInterface
public interface Registration extends AutoCloseable {
    @Override
    void close();

    /**
     * Runs {@code register}, which adds what it registers to the list it is given, and returns one
     * registration undoing all of it; if {@code register} throws, what it had registered is undone.
     */
    static Registration collect(Consumer<List<Registration>> register) {
        List<Registration> done = new ArrayList<>();
        try {
            register.accept(done);
        } catch (RuntimeException e) {
            all(done).close();
            throw e;
        }
        return all(done);
    }

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
