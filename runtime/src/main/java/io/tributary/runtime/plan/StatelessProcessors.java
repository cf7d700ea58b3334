package io.tributary.runtime.plan;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Route;
import io.tributary.api.dsl.Router;

import java.lang.invoke.MethodHandles;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Templates of the stateless operators. Each is instantiated per node as a hidden class by
 * {@link Specializer}, with its function and successor as constants; see there.
 */
@SuppressWarnings("unchecked")
final class StatelessProcessors {
    private StatelessProcessors() {
    }

    /** Data: predicate, next. */
    static final class Filter implements Processor {
        private static final MethodHandles.Lookup SELF = MethodHandles.lookup();
        private static final Predicate<Object> PREDICATE = Specializer.data(SELF, 0, Predicate.class);
        private static final Processor NEXT = Specializer.data(SELF, 1, Processor.class);

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            if (PREDICATE.test(value)) {
                NEXT.process(key, value, timestampNanos, lane, topic);
            }
        }
    }

    /** Data: mapper, next. */
    static final class Map implements Processor {
        private static final MethodHandles.Lookup SELF = MethodHandles.lookup();
        private static final Function<Object, Object> MAPPER = Specializer.data(SELF, 0, Function.class);
        private static final Processor NEXT = Specializer.data(SELF, 1, Processor.class);

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            NEXT.process(key, MAPPER.apply(value), timestampNanos, lane, topic);
        }
    }

    /** Data: mapper to an iterable, next. */
    static final class FlatMap implements Processor {
        private static final MethodHandles.Lookup SELF = MethodHandles.lookup();
        private static final Function<Object, Iterable<?>> MAPPER = Specializer.data(SELF, 0, Function.class);
        private static final Processor NEXT = Specializer.data(SELF, 1, Processor.class);

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            Iterable<?> values = MAPPER.apply(value);
            if (values != null) {
                for (Object each : values) {
                    NEXT.process(key, each, timestampNanos, lane, topic);
                }
            }
        }
    }

    /** Data: action, next. */
    static final class Peek implements Processor {
        private static final MethodHandles.Lookup SELF = MethodHandles.lookup();
        private static final Consumer<Object> ACTION = Specializer.data(SELF, 0, Consumer.class);
        private static final Processor NEXT = Specializer.data(SELF, 1, Processor.class);

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            ACTION.accept(value);
            NEXT.process(key, value, timestampNanos, lane, topic);
        }
    }

    /** Data: key function, next. */
    static final class KeyBy implements Processor {
        private static final MethodHandles.Lookup SELF = MethodHandles.lookup();
        private static final Function<Object, Object> KEY = Specializer.data(SELF, 0, Function.class);
        private static final Processor NEXT = Specializer.data(SELF, 1, Processor.class);

        @Override
        public void process(Object oldKey, Object value, long timestampNanos, Priority lane, String topic) {
            NEXT.process(KEY.apply(value), value, timestampNanos, lane, topic);
        }
    }

    /** Data: lane, next. */
    static final class Lane implements Processor {
        private static final MethodHandles.Lookup SELF = MethodHandles.lookup();
        private static final Priority LANE = Specializer.data(SELF, 0, Priority.class);
        private static final Processor NEXT = Specializer.data(SELF, 1, Processor.class);

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority ignored, String topic) {
            NEXT.process(key, value, timestampNanos, LANE, topic);
        }
    }

    /** Data: router, next, counter of dropped messages. */
    static final class RouteStep implements Processor {
        private static final MethodHandles.Lookup SELF = MethodHandles.lookup();
        private static final Router<Object> ROUTER = Specializer.data(SELF, 0, Router.class);
        private static final Processor NEXT = Specializer.data(SELF, 1, Processor.class);
        private static final Counter DROPPED = Specializer.data(SELF, 2, Counter.class);

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            Route route = ROUTER.route(value);
            if (route == null) {
                DROPPED.increment();
                return;
            }
            Priority routedLane = route.lane();
            String routedTopic = route.topic();
            NEXT.process(key, value, timestampNanos, routedLane != null ? routedLane : lane,
                    routedTopic != null ? routedTopic : topic);
        }
    }

    /**
     * Data: policy, next, counter of dropped messages, node name. A policy plugin's decision: the
     * message goes to each destination, on the decided lane.
     */
    static final class PolicyRouteStep implements Processor {
        private static final MethodHandles.Lookup SELF = MethodHandles.lookup();
        private static final PolicyRouter POLICY = Specializer.data(SELF, 0, PolicyRouter.class);
        private static final Processor NEXT = Specializer.data(SELF, 1, Processor.class);
        private static final Counter DROPPED = Specializer.data(SELF, 2, Counter.class);
        private static final String NODE = Specializer.data(SELF, 3, String.class);

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            RoutingEnvelope envelope = RoutingEnvelope.current();
            String shown = topic != null ? topic : envelope.sourceTopic != null ? envelope.sourceTopic : NODE;
            io.tributary.api.spi.RouteDecision decision =
                    POLICY.route(envelope.fill(shown, key, value, lane, timestampNanos));
            if (decision == null || decision.isDrop()) {
                DROPPED.increment();
                return;
            }
            java.util.List<String> destinations = decision.destinations();
            Priority routedLane = decision.lane();
            for (int i = 0, n = destinations.size(); i < n; i++) {
                NEXT.process(key, value, timestampNanos, routedLane, destinations.get(i));
            }
        }
    }

    /** Data: branch predicates in order (null for the default branch, which takes everything), branches. */
    static final class Split implements Processor {
        private static final MethodHandles.Lookup SELF = MethodHandles.lookup();
        private static final Predicate<Object>[] PREDICATES = Specializer.data(SELF, 0, Predicate[].class);
        private static final Processor[] BRANCHES = Specializer.data(SELF, 1, Processor[].class);

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            for (int i = 0; i < PREDICATES.length; i++) {
                Predicate<Object> predicate = PREDICATES[i];
                if (predicate == null || predicate.test(value)) {
                    BRANCHES[i].process(key, value, timestampNanos, lane, topic);
                    return;
                }
            }
        }
    }

    /** Data: targets. */
    static final class FanOut implements Processor {
        private static final MethodHandles.Lookup SELF = MethodHandles.lookup();
        private static final Processor[] TARGETS = Specializer.data(SELF, 0, Processor[].class);

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            for (Processor target : TARGETS) {
                target.process(key, value, timestampNanos, lane, topic);
            }
        }
    }

    /** Data: action. */
    static final class ForEach implements Processor {
        private static final MethodHandles.Lookup SELF = MethodHandles.lookup();
        private static final Consumer<Object> ACTION = Specializer.data(SELF, 0, Consumer.class);

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            ACTION.accept(value);
        }
    }
}
