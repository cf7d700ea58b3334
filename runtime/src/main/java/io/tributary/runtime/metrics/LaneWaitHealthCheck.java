package io.tributary.runtime.metrics;

import com.codahale.metrics.health.HealthCheck;
import io.tributary.api.EpochClock;
import io.tributary.api.Priority;
import io.tributary.runtime.exec.LaneStats;

/**
 * Healthy while the lane's current wait ({@link LaneWaitEstimator}) is within the lane's
 * {@code maxWait}. The p99 since start is reported alongside but does not decide: it cannot come
 * back down after an old overload.
 */
final class LaneWaitHealthCheck extends HealthCheck {
    private final Priority lane;
    private final long boundNanos;
    private final LaneStatsCache stats;
    private final LaneWaitEstimator estimator;
    private final EpochClock clock;

    LaneWaitHealthCheck(Priority lane, long boundNanos, LaneStatsCache stats, LaneWaitEstimator estimator,
                        EpochClock clock) {
        this.lane = lane;
        this.boundNanos = boundNanos;
        this.stats = stats;
        this.estimator = estimator;
        this.clock = clock;
    }

    @Override
    protected Result check() {
        LaneStats s = stats.get(lane);
        long wait = estimator.estimate(clock.nowNanos(), s.depth(), s.delivered() + s.dropped());
        boolean ok = wait <= boundNanos;
        String message = lane + " lane wait ~" + NanoFormat.nanos(wait) + (ok ? " within" : " over")
                + " its bound " + NanoFormat.nanos(boundNanos) + " (" + s.depth() + " waiting)";
        ResultBuilder result = ok ? Result.builder().healthy() : Result.builder().unhealthy();
        return result.withMessage(message)
                .withDetail("lane", MetricNames.laneName(lane))
                .withDetail("waitNanos", wait)
                .withDetail("boundNanos", boundNanos)
                .withDetail("depth", s.depth())
                .withDetail("p99WaitNanosSinceStart", s.p99WaitNanos())
                .build();
    }
}
