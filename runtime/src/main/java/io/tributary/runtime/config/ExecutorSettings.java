package io.tributary.runtime.config;

import io.tributary.api.Priority;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Settings of the priority executor ({@code tributary.executor}).
 *
 * @param minWorkers    fewest worker threads
 * @param maxWorkers    most worker threads; 0 in the file means twice the cores, resolved here
 * @param maxBatch      most messages drained from one lane in a row; also the flush size of sinks
 * @param flushInterval longest a batched sink holds a message
 * @param blockTimeout  longest a publisher waits on a full BLOCK lane
 * @param shutdownGrace longest close() drains
 * @param lanes         per lane, every lane present
 */
public record ExecutorSettings(int minWorkers, int maxWorkers, int maxBatch, Duration flushInterval,
                               Duration blockTimeout, Duration shutdownGrace, Map<Priority, LaneSettings> lanes) {

    public ExecutorSettings {
        lanes = Collections.unmodifiableMap(new EnumMap<>(lanes));
    }

    public LaneSettings lane(Priority priority) {
        return lanes.get(priority);
    }
}
