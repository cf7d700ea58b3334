package io.tributary.runtime.plan;

import io.tributary.api.Envelope;
import io.tributary.api.spi.RouteDecision;

/**
 * A routing-policy plugin as a plan step: a lane and any number of destinations per message. The
 * envelope is reused and valid only during the call. Null or {@link RouteDecision#DROP} drops the
 * message (counted as {@code <node>.route-dropped}).
 */
@FunctionalInterface
public interface PolicyRouter {
    RouteDecision route(Envelope<?> message);
}
