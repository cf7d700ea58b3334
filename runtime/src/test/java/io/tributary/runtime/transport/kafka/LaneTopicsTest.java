package io.tributary.runtime.transport.kafka;

import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaneTopicsTest {
    private final LaneTopics topics = new LaneTopics("desk");

    @Test
    void eachLaneIsItsOwnTopicAndParsesBack() {
        assertEquals(List.of("desk.orders.new.critical", "desk.orders.new.high", "desk.orders.new.normal",
                "desk.orders.new.low"), topics.lanes("orders.new"));
        assertEquals(Priority.HIGH, topics.laneOf("desk.orders.new.high"));
        assertEquals("orders.new", topics.streamOf("desk.orders.new.high"));
        assertNull(topics.laneOf("other.orders.new.high"));
        assertNull(topics.streamOf("desk.orders.new"));
        assertEquals("desk.dlq", topics.deadLetter());
    }

    @Test
    void anIllegalNameIsRejectedNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> topics.topic("data.quotes.*", Priority.LOW));
        assertTrue(e.getMessage().contains("'data.quotes.*'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LaneTopics(""));
    }
}
