package io.tributary.runtime.config;

import io.tributary.api.Priority;
import io.tributary.runtime.bus.BusConfig;
import io.tributary.runtime.exec.ExecutorConfig;

/** Turns validated settings into the engine's own configuration objects. */
public final class EngineConfigs {
    private EngineConfigs() {
    }

    public static ExecutorConfig executor(ExecutorSettings s) {
        ExecutorConfig.Builder b = ExecutorConfig.builder()
                .minWorkers(s.minWorkers())
                .maxWorkers(s.maxWorkers())
                .keySlots(s.keySlots())
                .maxBatch(s.maxBatch())
                .flushInterval(s.flushInterval())
                .blockTimeout(s.blockTimeout())
                .shutdownGrace(s.shutdownGrace())
                .idleSpins(s.idleSpins())
                .idleYields(s.idleYields())
                .scaleCheckInterval(s.scale().checkInterval())
                .scaleUpQueueDepth(s.scale().upQueueDepth())
                .scaleUpWait(s.scale().upWait())
                .scaleDownAfter(s.scale().downAfter())
                .weights(s.lane(Priority.HIGH).weight(), s.lane(Priority.NORMAL).weight(), s.lane(Priority.LOW).weight());
        for (Priority lane : Priority.values()) {
            LaneSettings l = s.lane(lane);
            b.laneCapacity(lane, l.capacity()).overflowPolicy(lane, l.overflow());
            if (l.maxWait() != null) {
                b.maxWait(lane, l.maxWait());
            }
        }
        return b.build();
    }

    public static BusConfig bus(TributaryConfig config) {
        return BusConfig.builder().executor(executor(config.executor())).build();
    }
}
