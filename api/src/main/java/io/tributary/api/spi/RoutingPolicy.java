package io.tributary.api.spi;

import io.tributary.api.Envelope;

/**
 * Decides where a message goes: its lane and destination topic(s).
 *
 * <p>Called for every message, possibly from several worker threads at once: it must be
 * thread-safe, must not block, and should not allocate (return precomputed {@link RouteDecision}s).
 * An exception counts against the policy and the message is dropped.
 */
@FunctionalInterface
public interface RoutingPolicy {

    /**
     * @param message valid only during the call (see {@link Envelope})
     * @return never null; {@link RouteDecision#DROP} to route nowhere
     */
    RouteDecision route(Envelope<?> message, RoutingContext context);
}
