package io.tributary.api.spi;

import io.tributary.api.EpochClock;
import io.tributary.api.MessageBus;
import org.slf4j.Logger;

/**
 * What the runtime gives one component instance. Everything here may be kept for the instance's
 * lifetime.
 */
public interface PluginContext {

    /** The bus to publish to and subscribe on. */
    MessageBus bus();

    /** The clock for {@code tsInit} and pacing; tests pass one they control. */
    EpochClock clock();

    /** How errors and logs name this instance, e.g. {@code venue 'sim'}. */
    String componentName();

    /** A logger named after the component. */
    Logger logger();

    /**
     * A new, not yet started, daemon thread for the component's own loop (a feed reader, a
     * generator). An exception escaping {@code task} is logged and counted against the component
     * instead of vanishing with the thread.
     */
    Thread newThread(String name, Runnable task);

    /** Counts (and logs, rate-limited) an error the component caught itself but wants seen. */
    void reportError(String what, Throwable error);
}
