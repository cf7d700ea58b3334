package io.tributary.runtime.plugin;

import io.tributary.api.Envelope;
import io.tributary.api.spi.RouteDecision;
import io.tributary.api.spi.RoutingContext;
import io.tributary.api.spi.RoutingPolicy;
import io.tributary.api.spi.RoutingPolicyFactory;

/** A plugin's policy factory whose policies are isolated: see {@link GuardedRoutingPolicy}. */
final class GuardedRoutingPolicyFactory extends GuardedFactory<RoutingPolicy> implements RoutingPolicyFactory {

    GuardedRoutingPolicyFactory(ComponentDescriptor component) {
        super(component);
    }

    @Override
    RoutingPolicy guard(RoutingPolicy policy) {
        return new GuardedRoutingPolicy(component.failures(), policy);
    }

    /** An exception or a null decision is counted and the message dropped. No allocation unless it fails. */
    static final class GuardedRoutingPolicy implements RoutingPolicy {
        private final FailureCounter failures;
        private final RoutingPolicy delegate;

        GuardedRoutingPolicy(FailureCounter failures, RoutingPolicy delegate) {
            this.failures = failures;
            this.delegate = delegate;
        }

        @Override
        public RouteDecision route(Envelope<?> message, RoutingContext context) {
            try {
                RouteDecision decision = delegate.route(message, context);
                if (decision == null) {
                    failures.record("route", new NullPointerException("route returned null for topic " + message.topic()));
                    return RouteDecision.DROP;
                }
                return decision;
            } catch (RuntimeException | LinkageError e) {
                failures.record("route", e);
                return RouteDecision.DROP;
            }
        }

        @Override
        public String toString() {
            return failures.component() + "[" + delegate + "]";
        }
    }
}
