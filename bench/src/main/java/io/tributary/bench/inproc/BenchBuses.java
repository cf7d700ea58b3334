package io.tributary.bench.inproc;

import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;
import io.tributary.runtime.bus.BusConfig;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.exec.ExecutorConfig;

/** Bus set-ups the in-process workloads share. */
final class BenchBuses {
    private BenchBuses() {
    }

    /**
     * One worker that never parks, as the peers' busy-spin consumers: the fair comparison with the
     * Disruptor's BusySpinWaitStrategy. CRITICAL/HIGH/NORMAL block when full (no loss, so counts
     * match); LOW keeps its DROP_OLDEST default, which the LOW-flood latency run relies on.
     */
    static LocalMessageBus singleSpinningWorker() {
        return singleSpinningWorker(OverflowPolicy.DROP_OLDEST);
    }

    /** Like {@link #singleSpinningWorker()} but LOW also blocks, for loss-free throughput counts. */
    static LocalMessageBus singleSpinningWorkerNoDrops() {
        return singleSpinningWorker(OverflowPolicy.BLOCK);
    }

    private static LocalMessageBus singleSpinningWorker(OverflowPolicy low) {
        ExecutorConfig executor = ExecutorConfig.builder()
                .fixedWorkers(1)
                .laneCapacity(ThroughputWorkload.CAPACITY)
                .overflowPolicy(Priority.CRITICAL, OverflowPolicy.BLOCK)
                .overflowPolicy(Priority.HIGH, OverflowPolicy.BLOCK)
                .overflowPolicy(Priority.NORMAL, OverflowPolicy.BLOCK)
                .overflowPolicy(Priority.LOW, low)
                .busySpin(true)
                .build();
        return new LocalMessageBus(BusConfig.builder().executor(executor).build());
    }
}
