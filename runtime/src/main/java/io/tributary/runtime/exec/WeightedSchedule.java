package io.tributary.runtime.exec;

import io.tributary.api.Priority;

/**
 * The visiting order of HIGH, NORMAL and LOW for one weighted round-robin cycle, spread out with
 * the "smooth weighted round robin" rule (nginx): 8:4:1 gives H N H H N H L H N H H N H rather than
 * eight H in a row, so a lower lane's turn comes at an even pace.
 */
final class WeightedSchedule {
    private WeightedSchedule() {
    }

    /** Lane ordinals, {@code high + normal + low} entries. */
    static int[] of(int high, int normal, int low) {
        int[] lanes = {Priority.HIGH.ordinal(), Priority.NORMAL.ordinal(), Priority.LOW.ordinal()};
        int[] weights = {high, normal, low};
        int total = high + normal + low;
        int[] current = new int[3];
        int[] schedule = new int[total];
        for (int i = 0; i < total; i++) {
            int best = 0;
            for (int j = 0; j < 3; j++) {
                current[j] += weights[j];
                if (current[j] > current[best]) {
                    best = j; // ties keep the higher lane
                }
            }
            current[best] -= total;
            schedule[i] = lanes[best];
        }
        return schedule;
    }
}
