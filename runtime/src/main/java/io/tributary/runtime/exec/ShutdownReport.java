package io.tributary.runtime.exec;

import io.tributary.api.Priority;

import java.time.Duration;
import java.util.Arrays;

/**
 * What {@link PriorityExecutor#shutdown(Duration)} achieved.
 *
 * @param drained           true when every accepted message was delivered (or dropped/conflated) within the grace
 * @param elapsed           time the shutdown took
 * @param workersNotStopped workers still inside a delivery when the shutdown gave up waiting for them
 *                          (daemon threads; they exit after that delivery returns)
 */
public record ShutdownReport(boolean drained, Duration elapsed, long[] deliveredDuringDrainByLane,
                             long[] leftOverByLane, int workersNotStopped) {

    /**
     * @param deliveredDuringDrainByLane messages delivered between the start of the shutdown and its end, by lane ordinal
     * @param leftOverByLane             accepted messages that were still waiting when the workers stopped, by lane ordinal
     */
    public ShutdownReport {
        deliveredDuringDrainByLane = deliveredDuringDrainByLane.clone();
        leftOverByLane = leftOverByLane.clone();
        if (deliveredDuringDrainByLane.length != Priority.COUNT || leftOverByLane.length != Priority.COUNT) {
            throw new IllegalArgumentException("per-lane arrays must have " + Priority.COUNT + " entries");
        }
    }

    @Override
    public long[] deliveredDuringDrainByLane() {
        return deliveredDuringDrainByLane.clone();
    }

    @Override
    public long[] leftOverByLane() {
        return leftOverByLane.clone();
    }

    public long deliveredDuringDrain(Priority lane) {
        return deliveredDuringDrainByLane[lane.ordinal()];
    }

    public long leftOver(Priority lane) {
        return leftOverByLane[lane.ordinal()];
    }

    public long totalLeftOver() {
        return Arrays.stream(leftOverByLane).sum();
    }

    public long totalDeliveredDuringDrain() {
        return Arrays.stream(deliveredDuringDrainByLane).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShutdownReport r && drained == r.drained && elapsed.equals(r.elapsed)
                && workersNotStopped == r.workersNotStopped
                && Arrays.equals(deliveredDuringDrainByLane, r.deliveredDuringDrainByLane)
                && Arrays.equals(leftOverByLane, r.leftOverByLane);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Boolean.hashCode(drained) + Arrays.hashCode(leftOverByLane))
                + Arrays.hashCode(deliveredDuringDrainByLane);
    }

    @Override
    public String toString() {
        return "ShutdownReport[drained=" + drained + ", elapsed=" + elapsed
                + ", deliveredDuringDrain=" + Arrays.toString(deliveredDuringDrainByLane)
                + ", leftOver=" + Arrays.toString(leftOverByLane)
                + ", workersNotStopped=" + workersNotStopped + "]";
    }
}
