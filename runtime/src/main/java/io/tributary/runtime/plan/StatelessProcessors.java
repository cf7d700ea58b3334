package io.tributary.runtime.plan;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Route;
import io.tributary.api.dsl.Router;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** The stateless operators; each is a final class with final fields so the JIT can inline the chain. */
final class StatelessProcessors {
    private StatelessProcessors() {
    }

    static final class Filter implements Processor {
        private final Predicate<Object> predicate;
        private final Processor next;

        Filter(Predicate<Object> predicate, Processor next) {
            this.predicate = predicate;
            this.next = next;
        }

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            if (predicate.test(value)) {
                next.process(key, value, timestampNanos, lane, topic);
            }
        }
    }

    static final class Map implements Processor {
        private final Function<Object, Object> mapper;
        private final Processor next;

        Map(Function<Object, Object> mapper, Processor next) {
            this.mapper = mapper;
            this.next = next;
        }

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            next.process(key, mapper.apply(value), timestampNanos, lane, topic);
        }
    }

    static final class FlatMap implements Processor {
        private final Function<Object, Iterable<?>> mapper;
        private final Processor next;

        FlatMap(Function<Object, Iterable<?>> mapper, Processor next) {
            this.mapper = mapper;
            this.next = next;
        }

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            Iterable<?> values = mapper.apply(value);
            if (values != null) {
                for (Object each : values) {
                    next.process(key, each, timestampNanos, lane, topic);
                }
            }
        }
    }

    static final class Peek implements Processor {
        private final Consumer<Object> action;
        private final Processor next;

        Peek(Consumer<Object> action, Processor next) {
            this.action = action;
            this.next = next;
        }

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            action.accept(value);
            next.process(key, value, timestampNanos, lane, topic);
        }
    }

    static final class KeyBy implements Processor {
        private final Function<Object, Object> key;
        private final Processor next;

        KeyBy(Function<Object, Object> key, Processor next) {
            this.key = key;
            this.next = next;
        }

        @Override
        public void process(Object oldKey, Object value, long timestampNanos, Priority lane, String topic) {
            next.process(key.apply(value), value, timestampNanos, lane, topic);
        }
    }

    static final class Lane implements Processor {
        private final Priority lane;
        private final Processor next;

        Lane(Priority lane, Processor next) {
            this.lane = lane;
            this.next = next;
        }

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority ignored, String topic) {
            next.process(key, value, timestampNanos, lane, topic);
        }
    }

    static final class RouteStep implements Processor {
        private final Router<Object> router;
        private final Processor next;
        private final Counter dropped;

        RouteStep(Router<Object> router, Processor next, Counter dropped) {
            this.router = router;
            this.next = next;
            this.dropped = dropped;
        }

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            Route route = router.route(value);
            if (route == null) {
                dropped.increment();
                return;
            }
            Priority routedLane = route.lane();
            String routedTopic = route.topic();
            next.process(key, value, timestampNanos, routedLane != null ? routedLane : lane,
                    routedTopic != null ? routedTopic : topic);
        }
    }

    /** Branch predicates in order; a null predicate (the default branch) takes everything. */
    static final class Split implements Processor {
        private final Predicate<Object>[] predicates;
        private final Processor[] branches;

        Split(Predicate<Object>[] predicates, Processor[] branches) {
            this.predicates = predicates;
            this.branches = branches;
        }

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            for (int i = 0; i < predicates.length; i++) {
                Predicate<Object> predicate = predicates[i];
                if (predicate == null || predicate.test(value)) {
                    branches[i].process(key, value, timestampNanos, lane, topic);
                    return;
                }
            }
        }
    }

    static final class FanOut implements Processor {
        private final Processor[] targets;

        FanOut(Processor[] targets) {
            this.targets = targets;
        }

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            for (Processor target : targets) {
                target.process(key, value, timestampNanos, lane, topic);
            }
        }
    }

    static final class ForEach implements Processor {
        private final Consumer<Object> action;

        ForEach(Consumer<Object> action) {
            this.action = action;
        }

        @Override
        public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
            action.accept(value);
        }
    }
}
