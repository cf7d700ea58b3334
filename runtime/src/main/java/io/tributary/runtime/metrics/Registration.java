package io.tributary.runtime.metrics;

/**
 * Undoes one registration (a lag gauge, a transport's health check): call {@link #close()} when the
 * transport or consumer goes away. Closing twice is harmless.
 */
@FunctionalInterface
public interface Registration extends AutoCloseable {
    @Override
    void close();
}
