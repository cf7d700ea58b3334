package io.tributary.runtime.exec;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightedScheduleTest {
    private static final int HIGH = 1;
    private static final int NORMAL = 2;
    private static final int LOW = 3;

    @Test
    void eightFourOneIsSpreadOut() {
        int[] schedule = WeightedSchedule.of(8, 4, 1);
        assertEquals(13, schedule.length);
        assertEquals(8, Arrays.stream(schedule).filter(l -> l == HIGH).count());
        assertEquals(4, Arrays.stream(schedule).filter(l -> l == NORMAL).count());
        assertEquals(1, Arrays.stream(schedule).filter(l -> l == LOW).count());
        int run = 0;
        int longest = 0;
        for (int lane : schedule) {
            run = lane == HIGH ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        assertTrue(longest <= 2, "HIGH turns should be interleaved: " + Arrays.toString(schedule));
    }

    @Test
    void equalWeightsAlternateHighestFirst() {
        assertArrayEquals(new int[] {HIGH, NORMAL, LOW}, WeightedSchedule.of(1, 1, 1));
    }
}
