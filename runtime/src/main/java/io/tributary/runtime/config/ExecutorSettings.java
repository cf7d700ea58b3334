package io.tributary.runtime.config;

import io.tributary.api.Priority;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Settings of the priority executor ({@code tributary.executor}); the names follow
 * {@code ExecutorConfig.Builder}.
 *
 * @param minWorkers    fewest worker threads
 * @param maxWorkers    most worker threads; 0 in the file means twice the cores, resolved here
 * @param keySlots      (topic, key) hash slots
 * @param maxBatch      most messages delivered from one lane in a row
 * @param flushInterval longest a batch runs before it ends (sinks flush)
 * @param blockTimeout  longest a publisher waits on a full BLOCK lane
 * @param shutdownGrace longest close() drains
 * @param idleSpins     empty polls a worker spins before yielding
 * @param idleYields    yields before parking
 * @param scale         when the pool grows and shrinks
 * @param lanes         per lane, every lane present
 */
public record ExecutorSettings(int minWorkers, int maxWorkers, int keySlots, int maxBatch, Duration flushInterval,
                               Duration blockTimeout, Duration shutdownGrace, int idleSpins, int idleYields,
                               Scale scale, Map<Priority, LaneSettings> lanes) {

    /**
     * @param checkInterval how often the scaler looks
     * @param upQueueDepth  waiting messages of one worker that ask for another worker
     * @param upWait        age of a worker's oldest waiting message that asks for another worker
     * @param downAfter     time without pressure before one worker is retired
     */
    public record Scale(Duration checkInterval, int upQueueDepth, Duration upWait, Duration downAfter) {
    }

    public ExecutorSettings {
        lanes = Collections.unmodifiableMap(new EnumMap<>(lanes));
    }

    public LaneSettings lane(Priority priority) {
        return lanes.get(priority);
    }
}
