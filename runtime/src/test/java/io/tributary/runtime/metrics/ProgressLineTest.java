package io.tributary.runtime.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.tributary.api.Priority;
import io.tributary.runtime.bus.BusConfig;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.exec.ExecutorConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressLineTest {
    private static final long S = 1_000_000_000L;

    @Test
    void ratesAreSinceThePreviousLineAndTotalsSinceStart() {
        MetricRegistry r = new MetricRegistry();
        for (Priority lane : Priority.values()) {
            for (String counter : new String[] {MetricNames.DELIVERED, MetricNames.DROPPED, MetricNames.CONFLATED,
                    MetricNames.REJECTED}) {
                r.counter(MetricNames.lane(lane, counter));
            }
        }
        r.counter(MetricNames.lane(Priority.NORMAL, MetricNames.DELIVERED)).inc(500); // before the run: not a rate
        r.register(MetricNames.lane(Priority.CRITICAL, MetricNames.WAIT_P99), (Gauge<Long>) () -> 12_000L);
        r.register(MetricNames.lane(Priority.NORMAL, MetricNames.WAIT_P99), (Gauge<Long>) () -> 1_200_000L);
        r.register(MetricNames.WORKERS, (Gauge<Integer>) () -> 2);
        r.counter(MetricNames.HANDLER_ERRORS).inc(3);

        ProgressLine line = new ProgressLine(r, 10 * S);
        r.counter(MetricNames.lane(Priority.NORMAL, MetricNames.DELIVERED)).inc(21_000);
        r.counter(MetricNames.lane(Priority.HIGH, MetricNames.DELIVERED)).inc(300);
        r.counter(MetricNames.lane(Priority.LOW, MetricNames.DROPPED)).inc(7);
        r.counter(MetricNames.lane(Priority.LOW, MetricNames.CONFLATED)).inc(5);
        assertEquals("[    2.0s] msg/s C 0 H 150 N 10.5k L 0 | p99 wait C 12us H 0ns N 1.2ms L 0ns"
                + " | dropped 7 conflated 5 rejected 0 | errors 3 | workers 2", line.next(12 * S));

        r.counter(MetricNames.lane(Priority.CRITICAL, MetricNames.DELIVERED)).inc(2_500_000);
        assertEquals("[    3.0s] msg/s C 2.50M H 0 N 0 L 0 | p99 wait C 12us H 0ns N 1.2ms L 0ns"
                + " | dropped 7 conflated 5 rejected 0 | errors 3 | workers 2", line.next(13 * S));
    }

    @Test
    void readsABoundBus() {
        try (LocalMessageBus bus = new LocalMessageBus(BusConfig.builder()
                .executor(ExecutorConfig.builder().fixedWorkers(1).idleSpins(10).idleYields(2).build()).build())) {
            TributaryMetrics metrics = TributaryMetrics.builder().laneStatsTtl(Duration.ZERO).build();
            metrics.bind(bus);
            ProgressLine line = new ProgressLine(metrics.registry(), 0);
            assertEquals("[    1.0s] msg/s C 0 H 0 N 0 L 0 | p99 wait C 0ns H 0ns N 0ns L 0ns"
                    + " | dropped 0 conflated 0 rejected 0 | errors 0 | workers 1", line.next(S));
        }
    }
}
