package io.tributary.runtime.metrics;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheckRegistry;
import io.tributary.api.EpochClock;
import io.tributary.api.Priority;
import io.tributary.runtime.exec.LaneStats;
import io.tributary.runtime.exec.PriorityExecutor;

import java.time.Duration;
import java.util.function.ToLongFunction;

/** Registers the {@code tributary.lane.*} metrics and lane health checks of one executor. */
final class LaneMetrics {
    private LaneMetrics() {
    }

    static void register(PriorityExecutor executor, MetricRegistry registry, HealthCheckRegistry health,
                         EpochClock clock, long statsTtlNanos, long waitSampleNanos) {
        LaneStatsCache cache = new LaneStatsCache(executor, statsTtlNanos);
        long start = clock.nowNanos();
        for (Priority lane : Priority.values()) {
            counter(registry, cache, lane, MetricNames.ENQUEUED, LaneStats::enqueued);
            counter(registry, cache, lane, MetricNames.DELIVERED, LaneStats::delivered);
            counter(registry, cache, lane, MetricNames.DROPPED, LaneStats::dropped);
            counter(registry, cache, lane, MetricNames.CONFLATED, LaneStats::conflated);
            counter(registry, cache, lane, MetricNames.REJECTED, LaneStats::rejected);
            counter(registry, cache, lane, MetricNames.FAILED, LaneStats::failed);
            gauge(registry, cache, lane, MetricNames.DEPTH, LaneStats::depth);
            gauge(registry, cache, lane, MetricNames.WAIT_P50, LaneStats::p50WaitNanos);
            gauge(registry, cache, lane, MetricNames.WAIT_P99, LaneStats::p99WaitNanos);
            gauge(registry, cache, lane, MetricNames.WAIT_MAX, LaneStats::maxWaitNanos);

            LaneStats initial = cache.get(lane);
            LaneWaitEstimator estimator = new LaneWaitEstimator(waitSampleNanos, start,
                    initial.delivered() + initial.dropped());
            registry.register(MetricNames.lane(lane, MetricNames.WAIT_CURRENT), new DerivedGauge(() -> {
                LaneStats s = cache.get(lane);
                return estimator.estimate(clock.nowNanos(), s.depth(), s.delivered() + s.dropped());
            }));
            Duration bound = executor.config().maxWait(lane);
            if (bound != null) {
                long boundNanos = bound.toNanos();
                registry.register(MetricNames.lane(lane, MetricNames.WAIT_BOUND), new DerivedGauge(() -> boundNanos));
                health.register("lane." + MetricNames.laneName(lane),
                        new LaneWaitHealthCheck(lane, boundNanos, cache, estimator, clock));
            }
        }
        registry.register(MetricNames.WORKERS, new DerivedGauge(executor::workerCount));
    }

    private static void counter(MetricRegistry registry, LaneStatsCache cache, Priority lane, String suffix,
                                ToLongFunction<LaneStats> field) {
        String name = MetricNames.lane(lane, suffix);
        registry.register(name, new DerivedCounter(name, () -> field.applyAsLong(cache.get(lane))));
    }

    private static void gauge(MetricRegistry registry, LaneStatsCache cache, Priority lane, String suffix,
                              ToLongFunction<LaneStats> field) {
        registry.register(MetricNames.lane(lane, suffix), new DerivedGauge(() -> field.applyAsLong(cache.get(lane))));
    }
}
