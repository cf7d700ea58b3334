package io.tributary.runtime.plan;

import io.tributary.api.Priority;
import io.tributary.api.graph.TopologyDescription;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecializerTest {

    @Test
    void everyOperatorIsAHiddenCopyOfItsClassThatStillWorks() {
        PlanBuilder b = new PlanBuilder("t", new TopologyDescription("t", List.of(), List.of()));
        List<Object> seen = new ArrayList<>();
        Processor sink = b.forEach(seen::add);
        Predicate<Object> even = v -> ((Integer) v) % 2 == 0;
        Processor first = b.filter(even, sink);
        Processor second = b.filter(even, sink);
        assertTrue(first.getClass().isHidden(), first.getClass().getName());
        assertNotSame(first.getClass(), second.getClass(), "one class per node, so each has its own profile");
        assertTrue(first.getClass().getName().startsWith(StatelessProcessors.Filter.class.getName()));
        for (int i = 0; i < 4; i++) {
            first.process(null, i, 0, Priority.NORMAL, null);
        }
        assertEquals(List.of(0, 2), seen);
    }
}
